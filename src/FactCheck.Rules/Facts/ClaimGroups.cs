using FactCheck.Claims.Model;

namespace FactCheck.Rules.Facts;

/// <summary>
/// Claims joined by <c>same_as</c> links (symmetric: A same_as B joins them whichever side wrote it) and, per group,
/// how many distinct sources and independent lineages print it. Computed once before claims are projected in parallel.
/// </summary>
internal sealed class ClaimGroups
{
    private readonly Dictionary<string, Group> _byClaim;

    private ClaimGroups(Dictionary<string, Group> byClaim) => _byClaim = byClaim;

    /// <summary>One group: named after its first claim in file order.</summary>
    public sealed record Group(string Id, int Sources, int Lineages, string? Lineage);

    public static ClaimGroups Build(IReadOnlyList<Claim> claims, Func<string, string> lineageOf)
    {
        var sets = new DisjointSets();
        foreach (var claim in claims) sets.Add(claim.Id);
        foreach (var claim in claims)
        {
            foreach (var link in claim.Links.SameAs)
            {
                if (sets.Contains(link.Id)) sets.Union(claim.Id, link.Id);
            }
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var sourceSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var root = sets.Find(claim.Id);
            first.TryAdd(root, claim.Id);
            if (!sourceSets.TryGetValue(root, out var ids)) sourceSets[root] = ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var appearance in claim.Appearances) ids.Add(appearance.Source.Id);
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var (root, ids) in sourceSets)
        {
            var lineages = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in ids) lineages.Add(lineageOf(id));
            groups[root] = new Group(first[root], ids.Count, lineages.Count, lineages.Count == 1 ? lineages.First() : null);
        }

        var byClaim = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var claim in claims) byClaim.TryAdd(claim.Id, groups[sets.Find(claim.Id)]);
        return new ClaimGroups(byClaim);
    }

    public Group Of(string claimId) => _byClaim[claimId];
}
