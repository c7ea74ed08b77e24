using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Model;

/// <summary>A document claims appear in or rest on: an article, a transcript, a report...</summary>
/// <param name="Authors">The byline as printed; empty both when no byline is printed and when it is unknown
/// (<paramref name="AuthorsKnown"/> tells them apart).</param>
/// <param name="TextPath">The stored body's path as written in the YAML (relative to that file).</param>
/// <param name="Text">The stored body, read at load time so quote checks need no I/O.</param>
/// <param name="AuthorsKnown">True when <c>authors</c> is written: an empty list then means "no byline printed".</param>
/// <param name="Primary">The source is the primary record of the event it reports (a transcript, an official readout of its own event).</param>
/// <param name="TextExcerpt">The stored text is a partial excerpt, not the whole body.</param>
/// <param name="Credits">Sources this one credits (wire copy used, "with AFP").</param>
public sealed record Source(
    string Id,
    SourceKind Kind,
    string? Title,
    string? Outlet,
    IReadOnlyList<string> Authors,
    string? Wire,
    string? Url,
    string? Language,
    PartialDate? Published,
    string? TextPath,
    string? Text,
    Reference? DerivedFrom,
    string? Note,
    Location Location,
    bool AuthorsKnown = false,
    bool Primary = false,
    bool TextExcerpt = false,
    IReadOnlyList<Reference>? Credits = null)
{
    /// <summary>The credited sources, empty when none.</summary>
    public IReadOnlyList<Reference> CreditedSources => Credits ?? [];
}
