namespace FactCheck.Rules.Language;

/// <summary>A rule's documentation and where it is written; carried as the engine rule's tag.</summary>
public sealed record RuleInfo(
    string Id,
    string Title,
    RuleSeverity Severity,
    string Description,
    string? Fix,
    IReadOnlyList<string> Tags,
    int Priority,
    string File,
    int Line,
    int Column);
