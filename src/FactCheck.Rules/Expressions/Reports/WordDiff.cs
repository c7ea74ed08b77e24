namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// A word-level diff of a wording against a reference (longest common subsequence of folded words). Words of the
/// reference before the first and after the last common word are the excerpt's framing, not changes.
/// </summary>
internal sealed class WordDiff
{
    /// <summary>Above this many cells the diff falls back to trimming the common prefix and suffix (linear).</summary>
    private const int MaxCells = 250_000;

    private WordDiff(Words reference, Words wording, List<Hunk> hunks, int common)
    {
        Reference = reference;
        Wording = wording;
        Hunks = hunks;
        Common = common;
    }

    /// <summary>One changed region: reference words [RefFrom, RefTo) replaced by wording words [From, To).</summary>
    public readonly record struct Hunk(int RefFrom, int RefTo, int From, int To)
    {
        public bool IsDeletion => From == To;

        public bool IsInsertion => RefFrom == RefTo;
    }

    public Words Reference { get; }

    public Words Wording { get; }

    /// <summary>The changes inside the stretch of the reference the wording covers.</summary>
    public IReadOnlyList<Hunk> Hunks { get; }

    /// <summary>How many words the two share in order.</summary>
    public int Common { get; }

    public static WordDiff Compute(Words reference, Words wording)
    {
        var (a, b) = (reference.Folded, wording.Folded);
        var pairs = (long)(a.Length + 1) * (b.Length + 1) <= MaxCells ? Lcs(a, b) : PrefixSuffix(a, b);
        var hunks = new List<Hunk>();
        int i = 0, j = 0;
        var first = true;
        foreach (var (x, y) in pairs)
        {
            // Before the first common word, reference words the wording does not print are framing; its own extra words are changes.
            if (x > i || y > j)
            {
                // At the start, the wording's own words replace the reference words just before: all of them when
                // they are few (a changed opening phrase), else as many as it has; reference words further back are framing.
                var refFrom = first ? (y == 0 ? x : x <= 3 ? 0 : Math.Max(0, x - y)) : i;
                if (y > j || x > refFrom) hunks.Add(new Hunk(refFrom, x, j, y));
            }

            first = false;
            i = x + 1;
            j = y + 1;
        }

        // After the last common word: the wording's own extra words are changes, reference words it stops before are framing.
        if (pairs.Count == 0) hunks.Add(new Hunk(0, a.Length, 0, b.Length));
        else if (j < b.Length) hunks.Add(new Hunk(i, a.Length - i <= 3 ? a.Length : Math.Min(a.Length, i + (b.Length - j)), j, b.Length));
        return new WordDiff(reference, wording, EdgesTrimmed(hunks, a, b), pairs.Count);
    }

    /// <summary>
    /// A small word at the very start or end of a quote moved across the quotation marks is not a change: "to create
    /// new alliances" against "build new alliances" changes create → build, not "to create" → "build". Negations and
    /// hedges are never small words here.
    /// </summary>
    private static List<Hunk> EdgesTrimmed(List<Hunk> hunks, string[] a, string[] b)
    {
        var trimmed = new List<Hunk>(hunks.Count);
        foreach (var hunk in hunks)
        {
            var (refFrom, refTo, from, to) = (hunk.RefFrom, hunk.RefTo, hunk.From, hunk.To);
            if (refFrom == 0 && from == 0)
            {
                while (refFrom < refTo && Small(a[refFrom])) refFrom++;
                while (from < to && Small(b[from])) from++;
            }

            if (refTo == a.Length && to == b.Length)
            {
                while (refTo > refFrom && Small(a[refTo - 1])) refTo--;
                while (to > from && Small(b[to - 1])) to--;
            }

            if (refFrom < refTo || from < to) trimmed.Add(new Hunk(refFrom, refTo, from, to));
        }

        return trimmed;
    }

    private static bool Small(string word) => Words.FunctionWords.Contains(word) && !Words.Negations.Contains(word) && !Words.Hedges.Contains(word);

    private static List<(int, int)> Lcs(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var table = new int[(n + 1) * (m + 1)];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                table[x * (m + 1) + y] = a[x] == b[y]
                    ? table[(x + 1) * (m + 1) + y + 1] + 1
                    : Math.Max(table[(x + 1) * (m + 1) + y], table[x * (m + 1) + y + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int i = 0, j = 0;
        while (i < n && j < m)
        {
            if (a[i] == b[j])
            {
                pairs.Add((i++, j++));
            }
            else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    private static List<(int, int)> PrefixSuffix(string[] a, string[] b)
    {
        var pairs = new List<(int, int)>();
        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) pairs.Add((p, p++));
        var s = 0;
        var tail = new List<(int, int)>();
        while (s < a.Length - p && s < b.Length - p && a[^(s + 1)] == b[^(s + 1)])
        {
            tail.Add((a.Length - s - 1, b.Length - s - 1));
            s++;
        }

        tail.Reverse();
        pairs.AddRange(tail);
        return pairs;
    }
}
