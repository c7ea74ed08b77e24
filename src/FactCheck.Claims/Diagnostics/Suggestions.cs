namespace FactCheck.Claims.Diagnostics;

/// <summary>
/// "Did you mean" for misspelt keys, ids, rule ids, names, members and functions: the one place that
/// decides what is close enough, used by the claims loader, the rule compiler and the command line alike.
/// </summary>
public static class Suggestions
{
    /// <summary>Most candidates offered when several are equally close.</summary>
    public const int MaxOffered = 3;

    /// <summary>
    /// The closest candidates: those equal ignoring case; else those within an edit distance that grows with
    /// the word (1 up to three characters, 2 up to eight, then 3), the nearest, ties in ordinal order; else one
    /// that starts with the input (a shared stem: "appearances" for "appear"). Empty when nothing is close.
    /// </summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.Distinct(StringComparer.Ordinal).ToList();
        var sameButCase = list.Where(c => string.Equals(c, input, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (sameButCase.Count > 0) return sameButCase.Take(MaxOffered).ToList();

        var limit = input.Length < 4 ? 1 : Math.Min(3, Math.Max(2, input.Length / 3));
        var lowered = input.ToLowerInvariant();
        var best = new List<string>();
        var bestDistance = limit + 1;
        string? stem = null;
        foreach (var candidate in list)
        {
            if (input.Length >= 3 && candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase)
                && (stem is null || string.CompareOrdinal(candidate, stem) < 0))
            {
                stem = candidate;
            }

            var distance = Distance(lowered, candidate.ToLowerInvariant(), limit);
            if (distance > limit || distance > bestDistance) continue;
            if (distance < bestDistance)
            {
                best.Clear();
                bestDistance = distance;
            }

            best.Add(candidate);
        }

        if (best.Count == 0 && stem is not null) return [stem];
        best.Sort(StringComparer.Ordinal);
        return best.Take(MaxOffered).ToList();
    }

    /// <summary><c>; did you mean 'x'?</c> (or <c>'x' or 'y'</c>), or an empty string, to append to a message.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var best = Closest(input, candidates);
        return best.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", best.Select(b => $"'{b}'"))}?";
    }

    /// <summary>
    /// Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions),
    /// giving up past <paramref name="limit"/> (returning <c>limit + 1</c>). Three rows, not a full matrix.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var over = limit == int.MaxValue ? int.MaxValue : limit + 1;
        if (Math.Abs(a.Length - b.Length) > limit) return over;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length);
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, beforePrevious[j - 2] + 1);
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            // Every later row is at least this row's minimum: nothing within the limit is left.
            if (rowMin > limit) return over;
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length] > limit ? over : previous[b.Length];
    }
}
