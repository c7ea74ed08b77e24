namespace FactCheck.Report;

/// <summary>A finding as read back from the report.</summary>
public sealed record ReportedFinding(
    long FindingId,
    long RunId,
    string RuleId,
    string Severity,
    string Message,
    string? File,
    int? Line,
    int? Column,
    string Fingerprint);
