namespace FactCheck.Rules.Facts;

/// <summary>A source document. <see cref="Origin"/> follows <c>derived_from</c> to the story it all comes from.</summary>
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
    int Column) : IFact
{
    public string Key => "source:" + Id;

    public bool HasText => Text is not null;
}
