namespace FactCheck.Report;

/// <summary>A document a claim rests on; <see cref="SourceId"/> is null when the article leaves it unnamed.</summary>
public sealed record ReportCitation(
    string ClaimId,
    string? SourceId,
    string CitedAs,
    string? File,
    int? Line,
    int? Column);
