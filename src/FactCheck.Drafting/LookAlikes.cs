using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Recorded;

namespace FactCheck.Drafting;

/// <summary>
/// Finds recorded claims that look like the same claim but are not linked: the same speaker, near-same printed
/// words, and no <c>same_as</c> (directly or through others), <c>supports</c> or <c>contradicts</c> between them.
/// Each claim's printings are looked up in the word-pair index, so the cost grows with the claims, not their pairs.
/// </summary>
public static class LookAlikes
{
    public const double DefaultThreshold = 0.6;

    public static IReadOnlyList<LookAlikePair> Find(ClaimSet set, double threshold = DefaultThreshold) => Find(set, threshold, null);

    /// <summary>As <see cref="Find(ClaimSet, double)"/>, with the word-pair index kept in <paramref name="cacheFolder"/> between runs.</summary>
    public static IReadOnlyList<LookAlikePair> Find(ClaimSet set, double threshold, string? cacheFolder)
    {
        var view = new LoadedClaims(set);
        var index = cacheFolder is null ? ClaimIndex.Build(view) : new IndexCache(cacheFolder).Get(view);
        var groups = new SameAsGroups(set.Claims);
        var found = new Dictionary<(int, int), LookAlikePair>();
        for (var c = 0; c < set.Claims.Count; c++)
        {
            var claim = set.Claims[c];
            foreach (var appearance in claim.Appearances)
            {
                var probe = new ClaimIndex.Probe(WordHashes.Of(appearance.Quote));
                // Only the rarer half of the keys, and only entries sharing a third of those, can reach the threshold
                // in practice; scoring every entry that shares one common word pair made match 5x slower (docs/draft.md).
                foreach (var candidate in index.Find(probe, null, take: 8, rarest: 0.5, shortlist: 16, minShared: 0.34))
                {
                    var other = candidate.Claim;
                    if (other == c || candidate.QuoteScore < threshold) continue;
                    var key = (Math.Min(c, other), Math.Max(c, other));
                    if (found.TryGetValue(key, out var seen) && seen.Similarity >= candidate.QuoteScore) continue;
                    var o = set.Claims[other];
                    if (!Speakers.Compatible(claim.Claimant.Name, claim.Claimant.Kind, o.Claimant)) continue;
                    if (groups.Linked(c, other)) continue;
                    var (first, second) = c < other ? (claim, o) : (o, claim);
                    var (fw, sw) = c < other ? (appearance.Quote, candidate.Best.Text) : (candidate.Best.Text, appearance.Quote);
                    found[key] = new LookAlikePair(first, second, Math.Round(candidate.QuoteScore, 2), fw, sw);
                }
            }
        }

        return found.Values.OrderByDescending(p => p.Similarity).ThenBy(p => p.First.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Claims joined by same_as (symmetric, transitive), plus direct supports/contradicts links.</summary>
    private sealed class SameAsGroups
    {
        private readonly int[] _parent;
        private readonly HashSet<(int, int)> _direct = [];

        public SameAsGroups(IReadOnlyList<Claim> claims)
        {
            _parent = Enumerable.Range(0, claims.Count).ToArray();
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < claims.Count; i++) byId.TryAdd(claims[i].Id, i);
            for (var i = 0; i < claims.Count; i++)
            {
                var links = claims[i].Links;
                foreach (var r in links.SameAs)
                {
                    if (byId.TryGetValue(r.Id, out var j)) Union(i, j);
                }

                foreach (var r in links.Supports.Concat(links.Contradicts))
                {
                    if (byId.TryGetValue(r.Id, out var j)) _direct.Add((Math.Min(i, j), Math.Max(i, j)));
                }
            }
        }

        public bool Linked(int a, int b) => Find(a) == Find(b) || _direct.Contains((Math.Min(a, b), Math.Max(a, b)));

        private int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        private void Union(int a, int b) => _parent[Find(a)] = Find(b);
    }
}
