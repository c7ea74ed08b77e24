using FactCheck.Rules.Language;

namespace FactCheck.Cli.Checking;

/// <summary>What <c>factcheck check</c> was asked to do.</summary>
/// <param name="Database">The report file; null to write no report.</param>
/// <param name="Baseline">A run id in the report, or another report file, whose findings do not fail the run.</param>
/// <param name="FailOn">The lowest severity that fails the run; null for <c>never</c>.</param>
/// <param name="OnlyRules">Run only these rule ids (all when empty).</param>
/// <param name="MaxFirings">Firings allowed per session; null for the default (see RuleRunner).</param>
/// <param name="MaxPartialMatches">Partial matches allowed per session; null for the default (see RuleRunner).</param>
public sealed record CheckOptions(
    string ClaimsPath,
    string RulesPath,
    string? Database,
    string? Baseline,
    RuleSeverity? FailOn,
    IReadOnlyList<string> OnlyRules,
    int? MaxFirings = null,
    int? MaxPartialMatches = null);
