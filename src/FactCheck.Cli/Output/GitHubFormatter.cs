using System.Globalization;
using System.Text;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error</c>/<c>::warning</c>/<c>::notice</c> line per finding
/// new since the baseline (annotations on the pull request), <c>::error</c> for input and rule errors, then a plain summary line.
/// </summary>
internal sealed class GitHubFormatter : IOutputFormatter
{
    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        var text = new StringBuilder();
        foreach (var error in outcome.InputErrors)
        {
            var message = error.Help is null ? error.Message : $"{error.Message} ({error.Help})";
            AppendCommand(text, "error", error.Location.File, error.Location.Line, error.Location.Column, error.Code, message);
        }

        // Only what is new can fail the run, so only that is annotated: GitHub shows at most 10 annotations of each
        // severity per step, and findings already in the baseline must not push the new ones out. Errors come first
        // (a stable sort: by position within a severity) in case a limit counts across severities.
        var old = 0;
        foreach (var finding in outcome.Findings.OrderByDescending(f => f.Finding.Severity))
        {
            if (!finding.IsNew)
            {
                old++;
                continue;
            }

            var f = finding.Finding;
            AppendCommand(text, Command(f.Severity), f.File, f.Line, f.Column, f.RuleId, f.Message);
        }

        foreach (var error in outcome.RuleErrors)
        {
            var rule = OutputText.Position(error.RuleFile, error.RuleLine, error.RuleColumn);
            var message = $"rule error: {error.RuleId} ({rule}): {error.Message}";

            // Annotate the claim the rule failed on when known: that is where the pull request changed something.
            var (file, line, column) = error.FactFile is not null
                ? (error.FactFile, error.FactLine, error.FactColumn)
                : (error.RuleFile, error.RuleLine, error.RuleColumn);
            AppendCommand(text, "error", file, line, column, $"rule error: {error.RuleId}", message);
        }

        if (old > 0) text.Append("factcheck: ").Append(OutputText.Count(old, "finding", "findings")).Append(" already in the baseline not annotated\n");
        text.Append(OutputText.Summary(outcome)).Append('\n');
        writer.Write(text.ToString());
    }

    private static string Command(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "notice",
    };

    private static void AppendCommand(StringBuilder text, string command, string? file, int line, int column, string title, string message)
    {
        var properties = new List<string>(4);
        if (!string.IsNullOrEmpty(file)) properties.Add("file=" + EscapeProperty(file.Replace('\\', '/')));
        if (line >= 1)
        {
            properties.Add("line=" + line.ToString(CultureInfo.InvariantCulture));
            if (column >= 1) properties.Add("col=" + column.ToString(CultureInfo.InvariantCulture));
        }

        properties.Add("title=" + EscapeProperty(title));
        text.Append("::").Append(command).Append(' ').Append(string.Join(',', properties))
            .Append("::").Append(EscapeData(message)).Append('\n');
    }

    /// <summary>Message text: <c>%</c>, CR and LF would end or corrupt the command.</summary>
    internal static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Property values also separate on <c>,</c> and end at <c>::</c>.</summary>
    internal static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
