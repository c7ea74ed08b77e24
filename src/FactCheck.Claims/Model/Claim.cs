namespace FactCheck.Claims.Model;

/// <summary>One claim: who said what, where it appeared, when, and what it rests on.</summary>
public sealed record Claim(
    string Id,
    string Statement,
    Claimant Claimant,
    WhenMade? Made,
    IReadOnlyList<Stance> Stances,
    IReadOnlyList<Appearance> Appearances,
    IReadOnlyList<Citation> Cites,
    Review Review,
    ClaimLinks Links,
    IReadOnlyList<Suppression> Ignore,
    string? Note,
    Location Location);
