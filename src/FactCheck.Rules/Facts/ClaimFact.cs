namespace FactCheck.Rules.Facts;

/// <summary>A claim, flattened: its own fields plus counts that rules often ask for.</summary>
/// <param name="Group">Its <c>same_as</c> group: the id of the first claim (in file order) linked to it either way (its own id when unlinked).</param>
/// <param name="GroupSources">Distinct sources printing the claim or a <c>same_as</c> claim.</param>
/// <param name="GroupLineages">Distinct independent lineages among those sources (following <c>derived_from</c> and <c>credits</c>).</param>
/// <param name="GroupAppearances">Appearances of the claim and its <c>same_as</c> claims: what the circumstance and date rules compare.</param>
/// <param name="Quoted">Its appearances that quote words: direct quotes, and paraphrased or reported ones with quoted fragments.</param>
/// <param name="Relayed">Its second-hand appearances: reported, or direct quotes with <c>via</c>.</param>
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
    string? Lineage = null,
    int GroupAppearances = 0,
    int Quoted = 0,
    int Relayed = 0) : IFact
{
    public string Key => "claim:" + Id;
}
