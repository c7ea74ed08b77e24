using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Watching;

/// <summary>What one claims file defines and refers to, as the checks across files see it.</summary>
internal sealed class FileIds
{
    public enum Kind
    {
        Source,
        Proposition,
        Claim,
    }

    public List<(Kind Kind, string Id)> Defined { get; } = [];

    public List<(Kind Kind, string Id)> Referenced { get; } = [];

    /// <summary>References to the item that makes them (a source deriving from itself, a claim linked to itself).</summary>
    public int SelfReferences { get; private set; }

    public static FileIds Of(ClaimFileBinder binder)
    {
        var ids = new FileIds();
        foreach (var source in binder.Sources)
        {
            ids.Define(Kind.Source, source.Id);
            ids.Refer(Kind.Source, source.DerivedFrom, source.Id);
            foreach (var credit in source.CreditedSources) ids.Refer(Kind.Source, credit, source.Id);
        }

        foreach (var proposition in binder.Propositions)
        {
            ids.Define(Kind.Proposition, proposition.Key);
            foreach (var r in proposition.Implies) ids.Refer(Kind.Proposition, r, null);
            foreach (var r in proposition.Excludes) ids.Refer(Kind.Proposition, r, null);
        }

        foreach (var claim in binder.Claims)
        {
            ids.Define(Kind.Claim, claim.Id);
            foreach (var stance in claim.Stances) ids.Refer(Kind.Proposition, stance.Proposition, null);
            foreach (var appearance in claim.Appearances) ids.Refer(Kind.Source, appearance.Source, null);
            foreach (var cite in claim.Cites) ids.Refer(Kind.Source, cite.Source, null);
            foreach (var link in claim.Links.SameAs.Concat(claim.Links.Contradicts).Concat(claim.Links.Supports)) ids.Refer(Kind.Claim, link, claim.Id);
        }

        return ids;
    }

    private void Define(Kind kind, string id)
    {
        // As the full check: an empty id is the file's own error, not a definition.
        if (id.Length > 0) Defined.Add((kind, id));
    }

    private void Refer(Kind kind, Reference? reference, string? self)
    {
        if (reference is null) return;
        Referenced.Add((kind, reference.Id));
        if (reference.Id == self) SelfReferences++;
    }
}
