namespace FactCheck.Rules.Expressions.Reports;

/// <summary>Short lists in messages: a finding over 5,000 claims names a few and counts the rest.</summary>
internal static class Listing
{
    public const int Shown = 5;

    public static string Of(IEnumerable<string> items, int shown = Shown, string separator = ", ")
    {
        var list = items.Distinct(StringComparer.Ordinal).ToList();
        return list.Count <= shown
            ? string.Join(separator, list)
            : $"{string.Join(separator, list.Take(shown))} and {list.Count - shown} more";
    }
}
