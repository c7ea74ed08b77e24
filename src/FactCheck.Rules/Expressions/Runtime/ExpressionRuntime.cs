using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Rules.Expressions.Runtime;

/// <summary>Helpers that compiled expressions call; not part of the callable function library.</summary>
internal static class ExpressionRuntime
{
    /// <summary>Upper bound on list items shown when a list is formatted into a message.</summary>
    private const int MaxFormattedItems = 100;

    public static string Concat(string? a, string? b) => string.Concat(a, b);

    /// <summary>Ordinal comparison, null when either side is null (so every ordering test is false).</summary>
    public static int? CompareText(string? a, string? b) =>
        a is null || b is null ? null : Math.Sign(string.CompareOrdinal(a, b));

    public static bool ContainsItem<T>(IEnumerable<T>? items, T item)
    {
        if (items is null) return false;
        var comparer = EqualityComparer<T>.Default;
        foreach (var x in items)
        {
            if (comparer.Equals(x, item)) return true;
        }
        return false;
    }

    public static bool RegexIsMatch(Regex regex, string? input) => input is not null && regex.IsMatch(input);

    /// <summary>Invariant text for messages: null is empty, dates ISO, lists comma-separated.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => FormatList(items),
        _ => value.ToString() ?? "",
    };

    private static string FormatList(IEnumerable items)
    {
        var parts = new List<string>();
        foreach (var item in items)
        {
            if (parts.Count == MaxFormattedItems) { parts.Add("..."); break; }
            parts.Add(Format(item));
        }
        return string.Join(", ", parts);
    }
}
