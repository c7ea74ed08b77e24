namespace FactCheck.Drafting;

/// <summary>A drafted printing of a claim already recorded: it becomes one more appearance of that claim.</summary>
/// <param name="ClaimFile">The file and line of the recorded claim, where the appearance goes.</param>
public sealed record MatchedAppearance(string ClaimId, string ClaimFile, int ClaimLine, DraftedAppearance Appearance, double Similarity, string Drift);
