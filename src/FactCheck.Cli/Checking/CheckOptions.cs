using FactCheck.Engine;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Checking;

/// <summary>What <c>factcheck check</c> was asked to do.</summary>
/// <param name="Database">The report file; null to write no report.</param>
/// <param name="Baseline">A run id in the report, or another report file, whose findings do not fail the run.</param>
/// <param name="FailOn">The lowest severity that fails the run; null for <c>never</c>.</param>
/// <param name="OnlyRules">Run only these rule ids (all when empty).</param>
/// <param name="Engine">The rule engine (the built-in one when null).</param>
/// <param name="MaxFirings">Firings allowed per session; null for the default (see RuleRunner).</param>
/// <param name="MaxPartialMatches">Partial matches allowed per session; null for the default (see RuleRunner).</param>
public sealed record CheckOptions(
    string ClaimsPath,
    string RulesPath,
    string? Database,
    string? Baseline,
    RuleSeverity? FailOn,
    IReadOnlyList<string> OnlyRules,
    IRuleEngine? Engine = null,
    int? MaxFirings = null,
    int? MaxPartialMatches = null)
{
    /// <summary>Run the rule pack bundled with the tool (no rules folder found or <c>rules: bundled</c>); <see cref="RulesPath"/> is then only its display name.</summary>
    public bool UseBundledRules { get; init; }

    /// <summary>Rules enabled, disabled or re-graded by <c>factcheck.yaml</c>.</summary>
    internal Configuration.RuleSelection? Selection { get; init; }

    /// <summary>Problems in <c>factcheck.yaml</c>, reported with the other input errors.</summary>
    public IReadOnlyList<Claims.Diagnostics.Diagnostic> ConfigErrors { get; init; } = [];

    /// <summary>Where claims files parsed before are looked up (and those parsed now stored); null to read them all.</summary>
    public Claims.Caching.ParsedFileCache? Cache { get; init; }

    /// <summary>Fingerprints computed elsewhere (<c>--baseline-ref</c>); used instead of <see cref="Baseline"/> when set.</summary>
    public IReadOnlySet<string>? BaselineFingerprints { get; init; }
}
