namespace FactCheck.Claims.Model;

/// <summary>The fact-checker's review of a claim.</summary>
public sealed record Review(ReviewStatus Status, string? Reviewer, string? Note, Location Location);
