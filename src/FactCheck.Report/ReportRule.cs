namespace FactCheck.Report;

/// <summary>A rule that was loaded for the run.</summary>
public sealed record ReportRule(
    string Id,
    string? Title,
    string Severity,
    string? File,
    int? Line);
