namespace FactCheck.Report;

/// <summary>Something that went wrong in a run without stopping it: a rule that failed, input that was invalid.</summary>
/// <param name="Kind">One of <see cref="RunErrorKinds"/>: rule-error or invalid-input.</param>
/// <param name="RuleId">The failing rule, for a rule error.</param>
public sealed record ReportRunError(
    string Kind,
    string Message,
    string? RuleId,
    string? File,
    int? Line,
    int? Column);
