using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>How a claim reaches its printings through intermediaries: one line per intermediary, naming the chain.</summary>
internal static class SecondHand
{
    /// <summary>Null when no appearance is second-hand (reported, or a direct quote with <c>via</c>).</summary>
    public static string? Chain(IReadOnlyList<AppearanceFact>? appearances)
    {
        if (appearances is null) return null;
        var relayed = appearances.Where(a => a.Attribution == "reported" || (a.Via is not null && a.Attribution == "direct-quote")).ToList();
        if (relayed.Count == 0) return null;
        var first = relayed[0];
        var chains = relayed
            .GroupBy(a => (Via: ViaKey(a.Via), Quote: a.Attribution == "direct-quote"))
            .Select(g =>
            {
                var byOrigin = g.GroupBy(a => a.SourceOrigin).Select(o =>
                    o.All(a => a.SourceId == o.Key) ? Listing.Of(o.Select(a => a.SourceId)) : $"{o.Key} → {Listing.Of(o.Select(a => a.SourceId))}");
                var kind = g.Key.Quote ? "quoted directly" : "reported";
                var via = string.Join(" / ", g.Select(a => a.Via ?? "an unnamed intermediary").Distinct(StringComparer.Ordinal));
                return $"{kind}: {first.Claimant} → {via} → {string.Join("; ", byOrigin)}";
            });
        var sources = relayed.Select(a => a.SourceId).Distinct(StringComparer.Ordinal).Count();
        return $"claim {first.ClaimId} is relayed through an intermediary in {sources} source{(sources == 1 ? "" : "s")}: {string.Join(" | ", chains)}";
    }

    /// <summary>Spelling variants of one intermediary ("Defence"/"Defense" Ministry, "a"/"the" transcription) are one chain.</summary>
    private static string ViaKey(string? via) =>
        via is null ? string.Empty : string.Join(' ', Words.Of(via).Folded.Where(w => !Words.FunctionWords.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w));
}
