namespace FactCheck.Rules.Facts;

/// <summary>A claim, flattened: its own fields plus counts that rules often ask for.</summary>
public sealed record ClaimFact(
    string Id,
    string Statement,
    string Claimant,
    string ClaimantKind,
    string? ClaimantRole,
    string? MadeText,
    string? MadeDate,
    string Status,
    string? Reviewer,
    int Appearances,
    int Citations,
    string File,
    int Line,
    int Column) : IFact
{
    public string Key => "claim:" + Id;
}
