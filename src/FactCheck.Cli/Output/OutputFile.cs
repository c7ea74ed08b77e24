using System.Text;

namespace FactCheck.Cli.Output;

/// <summary>
/// Writes an output file (<c>--output</c>) whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the target. A full disk or a killed process leaves the previous file (or none), never a truncated one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Refuses a target that cannot be written before any work is done (and before the run is recorded).</summary>
    /// <exception cref="OutputFileException">The file cannot be written; the message says why.</exception>
    public static void CheckTarget(string fullPath, string shownPath)
    {
        if (Directory.Exists(fullPath))
        {
            throw new OutputFileException($"cannot write the output to '{shownPath}': it is a folder; give a file name", ExitCodes.InvalidInput);
        }

        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new OutputFileException($"cannot write the output to '{shownPath}': the folder '{folder}' does not exist; create it first", ExitCodes.InvalidInput);
        }
    }

    /// <exception cref="OutputFileException">The file cannot be written; the message says why.</exception>
    public static void Write(string fullPath, string shownPath, Action<TextWriter> write)
    {
        CheckTarget(fullPath, shownPath);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";

        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new OutputFileException($"cannot write the output to '{shownPath}': {ex.Message}", ExitCodes.InternalError);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temporary file stays; it is hidden and named after the process.
        }
    }
}
