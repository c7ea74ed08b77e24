using FactCheck.Claims.Model;

namespace FactCheck.Drafting;

/// <summary>A claim proposed for the editor: who said it, the printing it comes from, and what it may be the same as.</summary>
/// <param name="Candidate">The outlet's own assertion: the editor decides whether it is a claim worth recording.</param>
/// <param name="SameAs">Recorded claims with near-same words, proposed as <c>links.same_as</c>.</param>
/// <param name="Propositions">Recorded propositions whose description shares the words, proposed for its stance.</param>
public sealed record DraftedClaim(
    string Id,
    string Statement,
    string ClaimantName,
    ClaimantKind ClaimantKind,
    string? ClaimantRole,
    DraftedDate? Made,
    DraftedAppearance Appearance,
    bool Candidate,
    IReadOnlyList<ProposedLink> SameAs,
    IReadOnlyList<string> Propositions,
    IReadOnlyList<string> Notes);
