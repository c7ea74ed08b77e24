namespace FactCheck.Rules.Facts;

/// <summary>A claim, flattened: its own fields plus counts that rules often ask for.</summary>
/// <param name="Group">Its <c>same_as</c> group: the id of the first claim (in file order) linked to it either way (its own id when unlinked).</param>
/// <param name="GroupSources">Distinct sources printing the claim or a <c>same_as</c> claim.</param>
/// <param name="GroupLineages">Distinct independent lineages among those sources (following <c>derived_from</c> and <c>credits</c>).</param>
/// <param name="Lineage">The lineage, when all those sources share one; null otherwise.</param>
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
    int Column,
    string Group = "",
    int GroupSources = 0,
    int GroupLineages = 0,
    string? Lineage = null) : IFact
{
    public string Key => "claim:" + Id;
}
