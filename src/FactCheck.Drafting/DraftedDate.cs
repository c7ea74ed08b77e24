using FactCheck.Claims.Dates;

namespace FactCheck.Drafting;

/// <summary>A date expression as printed, and how it reads against the publication date (for a comment).</summary>
public sealed record DraftedDate(string Text, string Reading, PartialDate? Value);
