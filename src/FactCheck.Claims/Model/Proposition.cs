namespace FactCheck.Claims.Model;

/// <summary>A proposition claims take a stance on, with edges rules chain along.</summary>
public sealed record Proposition(
    string Key,
    string Description,
    IReadOnlyList<Reference> Implies,
    IReadOnlyList<Reference> Excludes,
    Location Location);
