namespace FactCheck.Report;

/// <summary>A document claims appear in or rest on, as declared in the claim files.</summary>
public sealed record ReportSource(
    string Id,
    string Kind,
    string? Title,
    string? Outlet,
    string? Url,
    string? File,
    int? Line);
