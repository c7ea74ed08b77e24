namespace FactCheck.Report;

/// <summary>One claim as it stood in this run.</summary>
/// <param name="Status">The review status in kebab-case: unreviewed, in-review, true, false, misleading...</param>
/// <param name="Digest">
/// Digest of the claim's content (see <see cref="ContentDigest"/>); when null it is computed from
/// statement and claimant. A claim gets a new version row in the report when its digest or status changes.
/// </param>
public sealed record ReportClaim(
    string Id,
    string? File,
    int? Line,
    int? Column,
    string Statement,
    string? Claimant,
    string Status,
    string? Digest = null);
