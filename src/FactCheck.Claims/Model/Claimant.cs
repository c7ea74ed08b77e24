namespace FactCheck.Claims.Model;

/// <summary>Who made a claim: a person, an organisation, a document, or the outlet itself.</summary>
public sealed record Claimant(string Name, ClaimantKind Kind, string? Role, Location Location);
