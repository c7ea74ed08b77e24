namespace FactCheck.Rules.Facts;

/// <summary>A document a claim rests on; <see cref="SourceId"/> is null when the article does not name it.</summary>
/// <param name="SourcePublished">The cited source's own recorded date, when it is a known source.</param>
/// <param name="Reference">The publication date of the article(s) the claim appears in, for resolving "in June".</param>
public sealed record CitationFact(
    string ClaimId,
    int Index,
    string? SourceId,
    string As,
    string? SourcePublished,
    string? Reference,
    string File,
    int Line,
    int Column) : IFact
{
    public string Key => $"citation:{ClaimId}#{Index}";
}
