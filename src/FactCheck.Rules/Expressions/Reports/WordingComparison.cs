namespace FactCheck.Rules.Expressions.Reports;

/// <summary>The drift rules' word diff, for display: which printed words of a wording differ from a reference.</summary>
public static class WordingComparison
{
    /// <summary>The words of <paramref name="wording"/>, each marked when the drift rules see it as changed against <paramref name="reference"/>.</summary>
    public static IReadOnlyList<DiffWord> Compare(string reference, string wording)
    {
        var words = Words.Of(wording);
        var changed = new bool[words.Count];
        foreach (var hunk in WordDiff.Compute(Words.Of(reference), words).Hunks)
        {
            for (var i = hunk.From; i < hunk.To; i++) changed[i] = true;
        }

        var result = new DiffWord[words.Count];
        for (var i = 0; i < words.Count; i++) result[i] = new DiffWord(words.Printed[i].Length > 0 ? words.Printed[i] : "not", changed[i]);
        return result;
    }
}
