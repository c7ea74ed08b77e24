using System.Text.Json.Nodes;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>All reviewed claims of a set that pass <see cref="ClaimReviewBuilder.Check"/>, as JSON-LD.</summary>
internal static class ClaimReviewDocuments
{
    public static IReadOnlyDictionary<string, Source> SourcesById(ClaimSet set)
    {
        var byId = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var s in set.Sources) byId.TryAdd(s.Id, s);
        return byId;
    }

    /// <summary>The publishable reviews (incomplete ones are left out: export refuses them with positions).</summary>
    public static IReadOnlyList<(Claim Claim, JsonObject Json)> Publishable(ClaimSet set)
    {
        var sources = SourcesById(set);
        return set.Claims
            .Where(c => ClaimReviewBuilder.IsReviewed(c) && !ClaimReviewBuilder.Check(c).Any())
            .Select(c => (c, ClaimReviewBuilder.Build(c, sources)))
            .ToList();
    }
}
