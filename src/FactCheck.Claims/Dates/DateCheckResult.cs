namespace FactCheck.Claims.Dates;

/// <summary>Outcome of <see cref="DateChecks.Fits(string, PartialDate, PartialDate?)"/>, with the reason and the resolution used.</summary>
public sealed record DateCheckResult(DateFit Outcome, string Reason, DateResolution Resolution);
