namespace FactCheck.Claims.Diagnostics;

/// <summary>"Did you mean" for misspelt keys, ids and names.</summary>
public static class Suggestions
{
    /// <summary>The closest candidate within a distance that grows with the word, or null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = input.Length < 4 ? 1 : Math.Min(3, Math.Max(2, input.Length / 3));
        foreach (var candidate in candidates)
        {
            // "deny" for "denies": a shared stem is as telling as a small edit distance.
            if (input.Length >= 3 && candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase) && best is null)
            {
                best = candidate;
                bestDistance = limit;
                continue;
            }

            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string, to append to a message.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    /// <summary>Optimal string alignment distance, giving up early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        if (a.Length > 200 || b.Length > 200) return a == b ? 0 : limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
