namespace FactCheck.Report;

/// <summary>Where a claim appears and how it is attributed there.</summary>
/// <param name="Attribution">One of <see cref="AttributionKinds.All"/>: direct-quote, paraphrase, reported, unattributed.</param>
public sealed record ReportAppearance(
    string ClaimId,
    string SourceId,
    string Attribution,
    string? Quote,
    string? File,
    int? Line,
    int? Column);
