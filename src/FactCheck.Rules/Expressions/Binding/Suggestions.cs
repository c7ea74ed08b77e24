namespace FactCheck.Rules.Expressions.Binding;

/// <summary>"Did you mean" hints: case-insensitive matches first, then close edit distances.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var best = Closest(name, candidates);
        return best.Count switch
        {
            0 => "",
            1 => $"; did you mean '{best[0]}'?",
            _ => $"; did you mean {string.Join(" or ", best.Select(b => $"'{b}'"))}?",
        };
    }

    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct().ToList();
        var exact = list.Where(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0) return exact;
        string lowered = name.ToLowerInvariant();
        int limit = Math.Max(1, Math.Min(3, name.Length / 3));
        var scored = list
            .Select(c => (Name: c, Distance: ExpressionFunctions.Levenshtein(lowered, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0) return [];
        int bestDistance = scored[0].Distance;
        return scored.Where(x => x.Distance == bestDistance).Take(3).Select(x => x.Name).ToList();
    }
}
