namespace FactCheck.Claims.Model;

/// <summary>A claim's position on a proposition, with the hedge the text uses ("likely").</summary>
public sealed record Stance(Reference Proposition, StancePolarity Polarity, string? Hedge, Location Location);
