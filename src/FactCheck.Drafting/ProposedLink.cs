namespace FactCheck.Drafting;

/// <summary>A recorded claim that looks like the same claim, with how alike the words are (0-1) and what differs.</summary>
public sealed record ProposedLink(string ClaimId, double Similarity, string Drift);
