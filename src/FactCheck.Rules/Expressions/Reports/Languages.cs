using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Wordings and circumstances are compared only within one language: a French printing of an English quote is a
/// translation, not drift, and "Francfort" is "Frankfurt am Main". The reference language is the primary record's,
/// else the one most appearances' sources record (the first listed on a tie); a source that records no language
/// counts as matching, since most stories are printed in one language and editors leave it out.
/// </summary>
internal static class Languages
{
    /// <summary>The appearances whose source shares the reference language (or records none), in their order.</summary>
    public static IReadOnlyList<AppearanceFact> SameAsReference(IReadOnlyList<AppearanceFact> appearances)
    {
        var reference = Reference(appearances);
        if (reference is null) return appearances;
        var kept = appearances.Where(a => Primary(a.SourceLanguage) is not { } l || l == reference).ToList();
        return kept.Count == appearances.Count ? appearances : kept;
    }

    private static string? Reference(IReadOnlyList<AppearanceFact> appearances)
    {
        var primary = appearances.Where(a => a.SourcePrimary).Select(a => Primary(a.SourceLanguage)).FirstOrDefault(l => l is not null);
        if (primary is not null) return primary;
        var counts = new List<(string Language, int Count)>();
        foreach (var a in appearances)
        {
            if (Primary(a.SourceLanguage) is not { } l) continue;
            var i = counts.FindIndex(c => c.Language == l);
            if (i < 0) counts.Add((l, 1));
            else counts[i] = (l, counts[i].Count + 1);
        }

        if (counts.Count < 2) return null;
        var most = counts.Max(c => c.Count);
        return counts.First(c => c.Count == most).Language;
    }

    /// <summary>The primary language subtag, lower case: "en-GB" and "EN" are "en".</summary>
    private static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim();
        var dash = t.IndexOfAny(['-', '_']);
        return (dash < 0 ? t : t[..dash]).ToLowerInvariant();
    }
}
