namespace FactCheck.Rules.Facts;

/// <summary>A source document. <see cref="Origin"/> follows <c>derived_from</c> to the story it all comes from.</summary>
/// <param name="Byline">The authors as printed, joined; null when none are printed or they are unknown.</param>
/// <param name="AuthorsKnown">True when the claims file writes <c>authors</c>: <c>[]</c> then means "no byline printed".</param>
/// <param name="Primary">The source is the primary record of the event it reports.</param>
/// <param name="TextExcerpt">The stored text is a partial excerpt.</param>
/// <param name="Credits">Ids of the sources it credits.</param>
/// <param name="Lineage">Its independence group: the source at the root of everything it is linked to through
/// <c>derived_from</c> and <c>credits</c> (sources with the same lineage are not independent of each other).</param>
/// <param name="Copies">How many sources derive from or credit this one.</param>
public sealed record SourceFact(
    string Id,
    string Kind,
    string? Title,
    string? Outlet,
    string? Byline,
    string? Wire,
    string? Url,
    string? Language,
    string? Published,
    string? Text,
    string? DerivedFrom,
    string Origin,
    string File,
    int Line,
    int Column,
    bool AuthorsKnown = false,
    bool Primary = false,
    bool TextExcerpt = false,
    IReadOnlyList<string>? Credits = null,
    string? Lineage = null,
    int Copies = 0) : IFact
{
    public string Key => "source:" + Id;

    public bool HasText => Text is not null;
}
