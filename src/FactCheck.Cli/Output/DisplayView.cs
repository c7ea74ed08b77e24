using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// The findings a person is shown, most severe first (in file order within a severity), and those
/// <c>--min-severity</c> hides. A finding that fails the run is always shown: a failing run says why.
/// </summary>
internal sealed class DisplayView
{
    private DisplayView(List<CheckedFinding> shown, List<CheckedFinding> hidden)
    {
        Shown = shown;
        Hidden = hidden;
    }

    private List<List<CheckedFinding>>? _byRule;

    public IReadOnlyList<CheckedFinding> Shown { get; }

    public IReadOnlyList<CheckedFinding> Hidden { get; }

    public int HiddenCount => Hidden.Count;

    public static DisplayView Of(CheckOutcome outcome, RuleSeverity minSeverity)
    {
        var shown = new List<CheckedFinding>(outcome.Findings.Count);
        var hidden = new List<CheckedFinding>();
        var severities = new SortedSet<RuleSeverity>();
        foreach (var finding in outcome.Findings)
        {
            if (finding.Finding.Severity >= minSeverity || finding.Fails) severities.Add(finding.Finding.Severity);
            else hidden.Add(finding);
        }

        // Stable: the outcome's file, line, column, rule order is kept within a severity. A pass per severity (there are
        // three), not a sort of the findings with their indexes.
        foreach (var severity in severities.Reverse())
        {
            foreach (var finding in outcome.Findings)
            {
                if (finding.Finding.Severity == severity && (severity >= minSeverity || finding.Fails)) shown.Add(finding);
            }
        }

        return new DisplayView(shown, hidden);
    }

    /// <summary>The shown findings grouped by rule: most severe rule first, then by rule id; file order within a group.</summary>
    /// <remarks>Grouped once (the text output asks twice, for the findings and for the table by rule).</remarks>
    public IEnumerable<List<CheckedFinding>> ByRule() => _byRule ??= Shown
        .GroupBy(f => (f.Finding.Severity, f.Finding.RuleId))
        .OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.RuleId, StringComparer.Ordinal)
        .Select(g => g.ToList())
        .ToList();
}
