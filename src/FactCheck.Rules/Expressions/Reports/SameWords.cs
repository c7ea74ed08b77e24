using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>One direct-quote wording attributed to different speakers.</summary>
internal static class SameWords
{
    /// <summary>Null unless the appearances (all of one wording) name more than one claimant.</summary>
    public static string? Report(IReadOnlyList<AppearanceFact>? appearances)
    {
        if (appearances is null || appearances.Count < 2) return null;
        var speakers = appearances.GroupBy(a => a.Claimant, StringComparer.Ordinal).ToList();
        if (speakers.Count < 2) return null;
        var parts = speakers.Select(g => $"{g.Key} ({Listing.Of(g.Select(a => $"{a.SourceId}, claim {a.ClaimId}"), 3)})");
        return $"the words {Quoted.Text(appearances[0].Quote)} are given to {speakers.Count} speakers: {string.Join(" vs ", parts)}";
    }
}
