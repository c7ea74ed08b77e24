namespace FactCheck.Rules.Facts;

/// <summary>
/// One appearance of a claim in a source. The source's outlet, date, origin and standing are copied in, so the
/// common rules need no join for them.
/// </summary>
/// <param name="Index">1-based position among the claim's appearances.</param>
/// <param name="SourceOrigin">The source at the end of its source's <c>derived_from</c> chain.</param>
/// <param name="Claimant">The claim's claimant, for rules that compare speakers.</param>
/// <param name="ClaimGroup">The claim's <c>same_as</c> group: the id of the first claim (in file order) linked to it either way.</param>
/// <param name="Fragments">Quoted fragments inside a paraphrased or reported sentence.</param>
/// <param name="SourcePrimary">Its source is a primary record.</param>
/// <param name="QuoteKey">A direct quote of four words or more, folded (case, accents, punctuation aside): equal keys are the same words.</param>
/// <param name="FirstOfWording">The first appearance (in file order) with its <see cref="QuoteKey"/>, so rules can group a wording once.</param>
/// <param name="WordingSpeakers">On the first appearance of a wording: how many claimants it is given to.</param>
/// <param name="SourceLineage">Its source's independence group (see <see cref="SourceFact.Lineage"/>).</param>
/// <param name="OwnVoice">The claimant is a news outlet that prints it in its own voice: the outlet or wire of the source,
/// of a source it derives from, or of one it credits ("AFP" in a rewrite of AFP copy).</param>
/// <param name="SourceLanguage">Its source's <c>language</c> as recorded, null when the source gives none.</param>
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
    int Column,
    string Claimant = "",
    string ClaimGroup = "",
    string? SpeakerRole = null,
    string? Place = null,
    string? Occasion = null,
    string? Timing = null,
    string? Audience = null,
    string? Hedge = null,
    IReadOnlyList<string>? Fragments = null,
    string? SourceKind = null,
    bool SourcePrimary = false,
    string SourceLineage = "",
    string? QuoteKey = null,
    bool FirstOfWording = false,
    int WordingSpeakers = 0,
    string? SourceLanguage = null,
    bool OwnVoice = false) : IFact
{
    public string Key => $"appearance:{ClaimId}#{Index}";

    /// <summary>The quoted fragments, empty when none.</summary>
    public IReadOnlyList<string> QuotedFragments => Fragments ?? [];
}
