namespace FactCheck.Report;

/// <summary>One finding of a rule.</summary>
/// <param name="ClaimIds">The claims the finding concerns (the link table finding_claims).</param>
/// <param name="SourceIds">The sources the finding concerns (the link table finding_sources).</param>
/// <param name="Fingerprint">
/// Stable identity across runs; when null it is <see cref="Report.Fingerprint.ForFinding"/> of the rule
/// and the claims and sources involved. Never derived from the message or the position.
/// </param>
public sealed record ReportFinding(
    string RuleId,
    string Severity,
    string Message,
    string? File,
    int? Line,
    int? Column,
    IReadOnlyList<string> ClaimIds,
    IReadOnlyList<string> SourceIds,
    string? Fingerprint = null);
