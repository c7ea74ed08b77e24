using FactCheck.Claims.Dates;

namespace FactCheck.Drafting.Recorded;

/// <summary>What drafting reads of a recorded source: the fields a new appearance's dates and claimant come from, and its stored text.</summary>
internal sealed record RecordedSource(string Id, PartialDate? Published, string? Outlet, string? Wire, string? Text);
