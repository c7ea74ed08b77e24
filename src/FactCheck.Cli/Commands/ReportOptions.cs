using System.CommandLine;
using FactCheck.Claims.Loading;

namespace FactCheck.Cli.Commands;

/// <summary>The <c>--db</c> option shared by the commands that read the report.</summary>
internal static class ReportOptions
{
    /// <summary>The report's file name, at the root of the repository (see <see cref="DefaultPath"/>).</summary>
    public const string DefaultReportName = "factcheck.db";

    public static Option<string> Database() => new("--db")
    {
        Description = $"The SQLite report. Default: {DefaultReportName} at the root of the repository (the working folder outside one), as check writes it.",
        DefaultValueFactory = _ => DefaultPath(),
    };

    /// <summary>
    /// The default report: <see cref="DefaultReportName"/> in the repository around the working folder, else in the
    /// working folder. Never beside the claims folder: <c>--claims .</c> would put it outside the project.
    /// </summary>
    public static string DefaultPath() => Path.Combine(InputScope.Around(CliContext.WorkingDirectory).Root, DefaultReportName);

    /// <summary>Reading a report that does not exist would create an empty one: refuse with the fix instead.</summary>
    public static string? Existing(string path, TextWriter error)
    {
        var full = CliContext.FullPath(path);
        if (File.Exists(full)) return full;
        error.WriteLine($"factcheck: no report at '{path}'; run 'factcheck check' first, or give --db");
        return null;
    }
}
