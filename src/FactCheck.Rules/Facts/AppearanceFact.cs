namespace FactCheck.Rules.Facts;

/// <summary>
/// One appearance of a claim in a source. The source's outlet, date and origin are copied in, so the
/// common rules need no join for them.
/// </summary>
/// <param name="Index">1-based position among the claim's appearances.</param>
public sealed record AppearanceFact(
    string ClaimId,
    int Index,
    string SourceId,
    string Attribution,
    string Quote,
    string? AttributedAs,
    string? Via,
    string? Outlet,
    string? Published,
    string SourceOrigin,
    string File,
    int Line,
    int Column) : IFact
{
    public string Key => $"appearance:{ClaimId}#{Index}";
}
