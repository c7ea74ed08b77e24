using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Model;

/// <summary>When a claim was made: the words as written ("on Wednesday") and the date they stand for.</summary>
public sealed record WhenMade(string? Text, PartialDate? Date, Location Location);
