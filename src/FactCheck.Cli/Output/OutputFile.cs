using System.Text;
using FactCheck.Claims.Loading;

namespace FactCheck.Cli.Output;

/// <summary>
/// Writes an output file (<c>--output</c>) whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the target. A full disk or a killed process leaves the previous file (or none), never a truncated one.
/// A symbolic link is followed (the file it leads to is replaced, the link stays), and a device or a pipe
/// (<c>/dev/stdout</c>, <c>/dev/null</c>, <c>/dev/fd/63</c> from <c>&gt;(...)</c>, a named pipe) is written into: a
/// rename would put a file where the device was.
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
        string? replaced;
        try
        {
            replaced = ReplaceableFile(fullPath);
        }
        catch (IOException ex)
        {
            // A loop of links, or one too many.
            throw new OutputFileException($"cannot write the output to '{shownPath}': {ex.Message}", ExitCodes.InvalidInput);
        }

        if (replaced is null)
        {
            WriteInto(fullPath, shownPath, write);
            return;
        }

        fullPath = replaced;
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

    /// <summary>The file to replace: the path itself, or the final target of a link; null for a device, a terminal or a pipe.</summary>
    /// <exception cref="IOException">The links loop, or are too many.</exception>
    private static string? ReplaceableFile(string fullPath)
    {
        if (FileKinds.Of(fullPath) == FileKind.Special) return null;
        return new FileInfo(fullPath).LinkTarget is null
            ? fullPath
            : File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath;
    }

    /// <summary>Writes straight into a device or pipe; a write error (a full device, a closed reader) is reported.</summary>
    private static void WriteInto(string fullPath, string shownPath, Action<TextWriter> write)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException($"cannot write the output to '{shownPath}': {ex.Message}", ExitCodes.InternalError);
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
