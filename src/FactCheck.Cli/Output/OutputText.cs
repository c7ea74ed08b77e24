using System.Globalization;
using System.Text;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>Wording shared by the formats, so text, GitHub and JSON agree on names and the summary.</summary>
internal static class OutputText
{
    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The <c>--fail-on</c> spelling: a severity name, or <c>never</c>.</summary>
    public static string FailOnName(RuleSeverity? failOn) => failOn is { } s ? SeverityName(s) : "never";

    public static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");

    /// <summary><c>file:line:col</c>, dropping the parts that are unknown (0) rather than printing zeros.</summary>
    public static string Position(string? file, int line, int column)
    {
        var name = string.IsNullOrEmpty(file) ? "<unknown file>" : file;
        if (line <= 0) return name;
        return column <= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name}:{line}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}:{line}:{column}");
    }

    /// <summary>"it holds no run yet", "it holds run 1", "it holds runs 1 to 7": for a run id the report does not have.</summary>
    public static string RunsHeld(IReadOnlyList<Report.RunInfo> runs) => runs.Count switch
    {
        0 => "it holds no run yet",
        1 => string.Create(CultureInfo.InvariantCulture, $"it holds run {runs[0].RunId}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"it holds runs {runs[0].RunId} to {runs[^1].RunId}"),
    };

    public static int CountSeverity(CheckOutcome outcome, RuleSeverity severity) =>
        outcome.Findings.Count(f => f.Finding.Severity == severity);

    public static int CountNew(CheckOutcome outcome) => outcome.Findings.Count(f => f.IsNew);

    /// <summary>
    /// One line: <c>3 findings (1 error, 2 warnings) in 28 claims; 1 new since the baseline; 1 suppressed; 0 rule errors</c>.
    /// The baseline and suppressed parts appear only when they apply.
    /// </summary>
    public static string Summary(CheckOutcome outcome)
    {
        if (outcome.InputErrors.Count > 0)
        {
            return Count(outcome.InputErrors.Count, "input error", "input errors") + ": no rule ran";
        }

        var text = new StringBuilder(Count(outcome.Findings.Count, "finding", "findings"));
        var parts = new List<string>(3);
        var errors = CountSeverity(outcome, RuleSeverity.Error);
        var warnings = CountSeverity(outcome, RuleSeverity.Warning);
        var infos = CountSeverity(outcome, RuleSeverity.Info);
        if (errors > 0) parts.Add(Count(errors, "error", "errors"));
        if (warnings > 0) parts.Add(Count(warnings, "warning", "warnings"));
        if (infos > 0) parts.Add(Count(infos, "info", "info"));
        if (parts.Count > 0) text.Append(" (").Append(string.Join(", ", parts)).Append(')');
        text.Append(" in ").Append(Count(outcome.ClaimCount, "claim", "claims"));
        if (outcome.HasBaseline) text.Append("; ").Append(CountNew(outcome).ToString(CultureInfo.InvariantCulture)).Append(" new since the baseline");
        if (outcome.Suppressed.Count > 0) text.Append("; ").Append(outcome.Suppressed.Count.ToString(CultureInfo.InvariantCulture)).Append(" suppressed");
        text.Append("; ").Append(Count(outcome.RuleErrors.Count, "rule error", "rule errors"));
        return text.ToString();
    }
}
