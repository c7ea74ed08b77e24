using System.CommandLine;
using FactCheck.Claims.Loading;

namespace FactCheck.Cli.Commands;

/// <summary>The <c>--db</c> option shared by the commands that read the report.</summary>
internal static class ReportOptions
{
    /// <summary>The report's file name (where it goes by default: <see cref="Configuration.Project.DefaultReport"/>).</summary>
    public const string DefaultReportName = "factcheck.db";

    public static Option<string> Database() => new("--db")
    {
        Description = $"The SQLite report. Default: factcheck.yaml's, else {DefaultReportName} beside claims/, as check writes it.",
        DefaultValueFactory = _ => Configuration.Project.Discover(CliContext.WorkingDirectory).ReportToRead(),
    };

    /// <summary>Reading a report that does not exist would create an empty one: refuse with the fix instead.</summary>
    public static string? Existing(string path, TextWriter error)
    {
        var full = CliContext.FullPath(path);
        if (File.Exists(full)) return full;
        error.WriteLine($"factcheck: no report at '{path}'; run 'factcheck check' first, or give --db");
        return null;
    }
}
