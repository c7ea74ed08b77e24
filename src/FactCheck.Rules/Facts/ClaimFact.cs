namespace FactCheck.Rules.Facts;

/// <summary>A claim, flattened: its own fields plus counts that rules often ask for.</summary>
/// <param name="Group">Its <c>same_as</c> group: the id of the first claim (in file order) linked to it either way (its own id when unlinked).</param>
/// <param name="GroupSources">Distinct sources printing the claim or a <c>same_as</c> claim.</param>
/// <param name="GroupLineages">Distinct independent lineages among those sources (following <c>derived_from</c> and <c>credits</c>).</param>
/// <param name="GroupAppearances">Appearances of the claim and its <c>same_as</c> claims: what the circumstance and date rules compare.</param>
/// <param name="Quoted">Its appearances that quote words: direct quotes, and paraphrased or reported ones with quoted fragments.</param>
/// <param name="Relayed">Its second-hand appearances: reported, or direct quotes with <c>via</c>.</param>
/// <param name="Wordings">Distinct wordings (folded) among its quoted appearances: quote drift needs two.</param>
/// <param name="Places">Distinct places its group's appearances give, folded; likewise <paramref name="Occasions"/> (with timing),
/// <paramref name="Audiences"/>, <paramref name="Roles"/>; <paramref name="Hedges"/> counts a flat statement as one value and is 0 when
/// no appearance is hedged. The circumstance rules need two.</param>
/// <param name="GroupDateMentions">Date expressions listed by its group's appearances, plus one per claim with a made.text.</param>
/// <param name="GroupClaims">How many claims its <c>same_as</c> group holds.</param>
/// <param name="WhenMadeReadings">Distinct dates its when-made mentions resolve to: 0, 1, or 2 for "more than one".</param>
/// <param name="EventSources">Sources giving it a resolved event date: 0, 1, or 2 for "more than one".</param>
/// <param name="WhenMadeMisfits">Its when-made mentions that, read against their source's date, do not fit made.date.</param>
/// <param name="ReportedEarlier">Its appearances in sources published before made.date.</param>
/// <param name="GroupRelayed">Second-hand appearances of the claim and its <c>same_as</c> claims: when it equals
/// <paramref name="GroupAppearances"/>, every printing is already named by a second-hand finding.</param>
/// <param name="Lineage">The lineage, when all those sources share one; null otherwise.</param>
/// <param name="ReviewRating">The published verdict in words (<c>review.rating</c>), else the word of a verdict status ("False"); null when unrated.</param>
/// <param name="ReviewUrl">The published fact-check's address (<c>review.url</c>).</param>
/// <param name="ReviewOrganisation">Who published the fact-check (<c>review.organisation</c>).</param>
/// <param name="ReviewPublished">When it was published (<c>review.published</c>).</param>
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
    int Relayed = 0,
    int Wordings = 0,
    int Places = 0,
    int Occasions = 0,
    int Audiences = 0,
    int Roles = 0,
    int Hedges = 0,
    int GroupDateMentions = 0,
    int GroupClaims = 1,
    int WhenMadeReadings = 0,
    int EventSources = 0,
    int WhenMadeMisfits = 0,
    int ReportedEarlier = 0,
    int GroupRelayed = 0,
    string? ReviewRating = null,
    string? ReviewUrl = null,
    string? ReviewOrganisation = null,
    string? ReviewPublished = null) : IFact
{
    public string Key => "claim:" + Id;
}
