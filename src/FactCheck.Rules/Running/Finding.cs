using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>
/// What a rule found. It points at the fact named by the rule's <c>on:</c> (the first bound fact by
/// default) and lists every fact it concerns by key, so the report can fingerprint it and link it.
/// </summary>
public sealed record Finding(
    string RuleId,
    RuleSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column,
    IReadOnlyList<string> FactKeys,
    IReadOnlyList<string> ClaimIds,
    IReadOnlyList<string> SourceIds);
