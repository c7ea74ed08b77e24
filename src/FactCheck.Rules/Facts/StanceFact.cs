namespace FactCheck.Rules.Facts;

/// <summary>
/// A claim's stance on a proposition. Rules may insert derived stances (reached through
/// <c>implies</c> edges); <see cref="Via"/> then names the proposition they were derived from.
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
