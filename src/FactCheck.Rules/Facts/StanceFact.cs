namespace FactCheck.Rules.Facts;

/// <summary>
/// A claim's stance on a proposition: as written (<see cref="Via"/> null), or entailed along the propositions'
/// <c>implies</c>/<c>excludes</c> edges (the projection derives them; rules may insert more), <see cref="Via"/> then
/// naming the proposition the claim's own stance is on.
/// </summary>
public sealed record StanceFact(
    string ClaimId,
    string Proposition,
    string Polarity,
    string? Hedge,
    string Claimant,
    string? MadeDate,
    string Status,
    string? Via,
    string File,
    int Line,
    int Column) : IFact
{
    public string Key => $"stance:{ClaimId}:{Proposition}:{Polarity}" + (Via is null ? string.Empty : ":via:" + Via);

    public bool Derived => Via is not null;
}
