using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// The recorded claims as drafting and matching read them, numbered in load order: from a loaded <see cref="ClaimSet"/>
/// (<see cref="LoadedClaims"/>), or from a snapshot kept between runs (<see cref="SnapshotClaims"/>) without loading the
/// claims at all. Drafting reads nothing else of them, so both give the same draft.
/// </summary>
internal abstract class ClaimsView
{
    public abstract int Count { get; }

    public abstract RecordedClaim Claim(int claim);

    public abstract string Statement(int claim);

    public virtual string Quote(int claim, int appearance) => Claim(claim).Appearances[appearance].Quote;

    public virtual int AppearanceCount(int claim) => Claim(claim).Appearances.Count;

    public virtual string AppearanceSource(int claim, int appearance) => Claim(claim).Appearances[appearance].Source;

    /// <summary>The first recorded source of that id (as the drafter's lookups always took it), or null.</summary>
    public abstract RecordedSource? Source(string id);

    /// <summary>The first source of each id, in the sources' order.</summary>
    public abstract IEnumerable<RecordedSource> Sources();

    /// <summary>The stored text of the first source of that id that has one (the index's sentences around quotes come from it).</summary>
    public abstract string? SourceText(string id);

    /// <summary>The ids of the stored source texts, in the order of the sources (what the index cache's key covers).</summary>
    public abstract IEnumerable<(string Id, string Text)> SourceTexts();

    public abstract IEnumerable<string> ClaimIds();

    /// <summary>Whether a recorded claim has this id (drafted ids must not take one).</summary>
    public abstract bool IsClaimId(string id);

    /// <summary>The recorded propositions, to propose for a drafted claim's stance when the words match.</summary>
    public abstract PropositionFinder PropositionFinder();

    public abstract IEnumerable<(string Key, string Description)> Propositions();
}
