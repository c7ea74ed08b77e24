using FactCheck.Claims.Loading;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Html;

/// <summary>Writes the page for <c>--html</c>, whole or not at all.</summary>
internal static class HtmlPageFile
{
    /// <returns>Null when written; else the exit code, the reason already printed.</returns>
    public static int? Write(string path, CheckOutcome outcome, string claimsPath, string baseDirectory, TextWriter error, bool quiet)
    {
        // The outcome keeps findings, not the claims; loading them again costs a fraction of the check itself.
        var claims = ClaimsLoader.Load([claimsPath], baseDirectory).ClaimSet;
        var title = $"FactCheck: {Path.GetFileName(Path.TrimEndingDirectorySeparator(claimsPath))}";
        try
        {
            OutputFile.Write(CliContext.FullPath(path), path, w => HtmlPage.Write(w, outcome, claims, title));
        }
        catch (OutputFileException ex)
        {
            error.WriteLine($"factcheck: {ex.Message}");
            return ex.ExitCode;
        }

        if (!quiet) error.WriteLine($"factcheck: wrote the HTML page to {path}");
        return null;
    }

    /// <summary>The page of a run recorded in the report.</summary>
    /// <returns>Null when written; else the exit code, the reason already printed.</returns>
    public static int? Write(string path, RecordedRun run, TextWriter error)
    {
        try
        {
            OutputFile.Write(CliContext.FullPath(path), path, w => HtmlPage.Write(w, run.Outcome, run.Claims, run.Title, run.Notice));
        }
        catch (OutputFileException ex)
        {
            error.WriteLine($"factcheck: {ex.Message}");
            return ex.ExitCode;
        }

        error.WriteLine($"factcheck: wrote the HTML page of {run.Title["FactCheck: ".Length..]} to {path}");
        return null;
    }
}
