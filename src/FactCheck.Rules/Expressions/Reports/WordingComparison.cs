namespace FactCheck.Rules.Expressions.Reports;

/// <summary>The drift rules' word diff, for display: which printed words of a wording differ from a reference.</summary>
public static class WordingComparison
{
    /// <summary>
    /// The words of <paramref name="wording"/>, each marked when the drift rules see it as changed against
    /// <paramref name="reference"/>, with the reference words it leaves out (a dropped "not") in place.
    /// </summary>
    public static IReadOnlyList<DiffWord> Compare(string reference, string wording)
    {
        var words = Words.Of(wording);
        var referenceWords = Words.Of(reference);
        var changed = new bool[words.Count];
        var removedAt = new Dictionary<int, List<string>>();
        foreach (var hunk in WordDiff.Compute(referenceWords, words).Hunks)
        {
            for (var i = hunk.From; i < hunk.To; i++) changed[i] = true;
            if (hunk.RefTo > hunk.RefFrom)
            {
                var at = hunk.From;
                if (!removedAt.TryGetValue(at, out var list)) removedAt[at] = list = [];
                for (var r = hunk.RefFrom; r < hunk.RefTo; r++) list.Add(Printed(referenceWords, r));
            }
        }

        var result = new List<DiffWord>(words.Count);
        for (var i = 0; i <= words.Count; i++)
        {
            if (removedAt.TryGetValue(i, out var removed)) result.AddRange(removed.Select(r => new DiffWord(r, Changed: false, Removed: true)));
            if (i < words.Count) result.Add(new DiffWord(Printed(words, i), changed[i]));
        }

        return result;
    }

    private static string Printed(Words words, int i) => words.Printed[i].Length > 0 ? words.Printed[i] : "not";
}
