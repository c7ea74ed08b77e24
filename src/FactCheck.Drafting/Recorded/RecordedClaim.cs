using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Recorded;

/// <summary>What drafting reads of one recorded claim: its id, claimant, where it is, its stances' keys and its printings.</summary>
/// <param name="File">The claims file as the loader shows it (relative to the working folder).</param>
internal sealed record RecordedClaim(
    string Id,
    string ClaimantName,
    ClaimantKind ClaimantKind,
    string? ClaimantRole,
    string File,
    int Line,
    IReadOnlyList<string> Stances,
    IReadOnlyList<RecordedAppearance> Appearances);
