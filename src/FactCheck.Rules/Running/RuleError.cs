namespace FactCheck.Rules.Running;

/// <summary>A rule that failed at run time on some facts (a regex timeout, an overflow): not a finding, but it fails <c>check</c>.</summary>
/// <param name="Limit">A run limit stopped the rule (firings, partial matches, text built): the run's findings are partial.</param>
public sealed record RuleError(
    string RuleId,
    string RuleFile,
    int RuleLine,
    int RuleColumn,
    string Message,
    string? FactFile,
    int FactLine,
    int FactColumn,
    IReadOnlyList<string> FactKeys,
    bool Limit = false);
