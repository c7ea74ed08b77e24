namespace FactCheck.Rules.Expressions.Reports;

/// <summary>Short lists in messages: a finding over 5,000 claims names a few and counts the rest.</summary>
internal static class Listing
{
    public const int Shown = 5;

    public static string Of(IEnumerable<string> items, int shown = Shown, string separator = ", ")
    {
        var list = Distinct(items);
        return list.Count <= shown
            ? string.Join(separator, list)
            : $"{string.Join(separator, list.Take(shown))} and {list.Count - shown} more";
    }

    /// <summary>
    /// The items without repeats, in order: most lists name one to a handful, which a look along the list dedupes
    /// without the hash set (and its two arrays) that Distinct allocates per call; past 16 items a set takes over.
    /// </summary>
    private static List<string> Distinct(IEnumerable<string> items)
    {
        var list = new List<string>();
        HashSet<string>? seen = null;
        foreach (var item in items)
        {
            if (seen is not null)
            {
                if (seen.Add(item)) list.Add(item);
                continue;
            }

            if (Contains(list, item)) continue;
            list.Add(item);
            if (list.Count == 16) seen = new HashSet<string>(list, StringComparer.Ordinal);
        }

        return list;
    }

    private static bool Contains(List<string> list, string item)
    {
        foreach (var x in list)
        {
            if (string.Equals(x, item, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
