namespace FactCheck.Claims.Model;

/// <summary>An editor's decision that a rule does not apply to a claim, with the reason.</summary>
public sealed record Suppression(Reference Rule, string Reason, Location Location);
