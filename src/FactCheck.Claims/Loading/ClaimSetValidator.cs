using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>Checks that need the whole set: ids unique across files, and every reference resolving.</summary>
internal static class ClaimSetValidator
{
    public static void Validate(ClaimSet set, List<Diagnostic> diagnostics)
    {
        var sources = Unique(set.Sources, s => s.Id, s => s.Location, "source id", diagnostics);
        var propositions = Unique(set.Propositions, p => p.Key, p => p.Location, "proposition key", diagnostics);
        var claims = Unique(set.Claims, c => c.Id, c => c.Location, "claim id", diagnostics);

        foreach (var source in set.Sources)
        {
            Check(source.DerivedFrom, sources, "source", diagnostics);
            if (source.DerivedFrom?.Id == source.Id)
            {
                diagnostics.Add(Diagnostic.Error(source.DerivedFrom.Location, "self-reference", $"source '{source.Id}' cannot derive from itself"));
            }

            foreach (var credit in source.CreditedSources)
            {
                Check(credit, sources, "source", diagnostics);
                if (credit.Id == source.Id)
                {
                    diagnostics.Add(Diagnostic.Error(credit.Location, "self-reference", $"source '{source.Id}' cannot credit itself"));
                }
            }
        }

        foreach (var proposition in set.Propositions)
        {
            foreach (var r in proposition.Implies) Check(r, propositions, "proposition", diagnostics);
            foreach (var r in proposition.Excludes) Check(r, propositions, "proposition", diagnostics);
        }

        // Index loops: a foreach over an IReadOnlyList allocates an enumerator, three per claim.
        var all = set.Claims;
        for (var c = 0; c < all.Count; c++)
        {
            var claim = all[c];
            for (var i = 0; i < claim.Stances.Count; i++) Check(claim.Stances[i].Proposition, propositions, "proposition", diagnostics);
            for (var i = 0; i < claim.Appearances.Count; i++) Check(claim.Appearances[i].Source, sources, "source", diagnostics);
            for (var i = 0; i < claim.Cites.Count; i++) Check(claim.Cites[i].Source, sources, "source", diagnostics);
            CheckLinks(claim, claim.Links.SameAs, claims, diagnostics);
            CheckLinks(claim, claim.Links.Contradicts, claims, diagnostics);
            CheckLinks(claim, claim.Links.Supports, claims, diagnostics);
        }
    }

    /// <summary>One kind of a claim's links (three loops, not a chain of iterators per claim: 100,000 claims).</summary>
    private static void CheckLinks(Claim claim, IReadOnlyList<Reference> links, Dictionary<string, Location> claims, List<Diagnostic> diagnostics)
    {
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            Check(link, claims, "claim", diagnostics);
            if (link.Id == claim.Id)
            {
                diagnostics.Add(Diagnostic.Error(link.Location, "self-reference", $"claim '{claim.Id}' cannot link to itself"));
            }
        }
    }

    private static Dictionary<string, Location> Unique<T>(
        IReadOnlyList<T> items, Func<T, string> id, Func<T, Location> location, string what, List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, Location>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = id(item);
            if (key.Length == 0) continue;
            if (seen.TryGetValue(key, out var first))
            {
                diagnostics.Add(Diagnostic.Error(
                    location(item), "duplicate-id", $"duplicate {what} '{key}': already defined at {first}", "ids must be unique across all claims files; rename one"));
            }
            else
            {
                seen.Add(key, location(item));
            }
        }

        return seen;
    }

    private static void Check(Reference? reference, Dictionary<string, Location> known, string what, List<Diagnostic> diagnostics)
    {
        if (reference is null || known.ContainsKey(reference.Id)) return;
        diagnostics.Add(Diagnostic.Error(
            reference.Location,
            "unknown-reference",
            $"no {what} has the id '{reference.Id}'{Suggestions.DidYouMean(reference.Id, known.Keys)}",
            $"define the {what} or correct the id"));
    }
}
