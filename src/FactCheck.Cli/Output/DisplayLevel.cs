using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// <c>min-severity:</c> in factcheck.yaml: the people-facing formats (text, GitHub annotations) leave out findings below
/// a severity. A finding that fails the run is always shown; JSON and SARIF always carry everything.
/// </summary>
internal static class DisplayLevel
{
    public static CheckOutcome Apply(CheckOutcome outcome, RuleSeverity? level, TextWriter notes)
    {
        if (level is not { } lowest) return outcome;
        var shown = outcome.Findings.Where(f => f.Fails || f.Finding.Severity >= lowest).ToList();
        var hidden = outcome.Findings.Count - shown.Count;
        if (hidden == 0) return outcome;
        notes.WriteLine($"factcheck: {OutputText.Count(hidden, "finding", "findings")} below {OutputText.SeverityName(lowest)} not shown (min-severity: {OutputText.SeverityName(lowest)} in factcheck.yaml)");
        return outcome with { Findings = shown };
    }
}
