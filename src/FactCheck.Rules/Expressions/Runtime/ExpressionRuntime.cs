using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Rules.Expressions.Runtime;

/// <summary>Helpers that compiled expressions call; not part of the callable function library.</summary>
internal static class ExpressionRuntime
{
    /// <summary>Upper bound on list items shown when a list is formatted into a message.</summary>
    private const int MaxFormattedItems = 100;

    /// <summary>
    /// Text an expression builds with '+' (what an <c>insert</c> can store in a derived fact): a rule that re-derives
    /// its own fact with a longer string would otherwise grow it on every firing until memory runs out.
    /// </summary>
    public const int MaxTextLength = 10_000;

    /// <summary>A finding's message once its holes are filled: ten holes of a 16 MB source text were 150 MB.</summary>
    public const int MaxMessageLength = 10_000;

    /// <summary>
    /// Characters '+' may build in one rule session (<see cref="BudgetText"/>): each derived string is short, but a rule
    /// that re-derives its own fact keeps every version, one longer than the last (10 chains of 10,000 firings held
    /// 1 GB). 50 million characters are 100 MB.
    /// </summary>
    public const long TextBudget = 50_000_000;

    [ThreadStatic]
    private static long _textLeft;

    [ThreadStatic]
    private static bool _budgeted;

    /// <summary>Counts the text '+' builds on this thread against <paramref name="characters"/> until disposed (a session runs on one thread).</summary>
    public static IDisposable BudgetText(long characters = TextBudget)
    {
        var previous = (_budgeted, _textLeft);
        _budgeted = true;
        _textLeft = characters;
        return new BudgetScope(previous.Item1, previous.Item2);
    }

    public static string Concat(string? a, string? b)
    {
        var length = (long)(a?.Length ?? 0) + (b?.Length ?? 0);
        if (length > MaxTextLength)
            throw new LimitExceededException($"text built with '+' would be {length:N0} characters; the limit is {MaxTextLength:N0}");
        if (_budgeted && (_textLeft -= length) < 0)
            throw new LimitExceededException($"'+' has built more than {TextBudget:N0} characters of text in this run, the limit (does a rule keep deriving longer text?)");
        return string.Concat(a, b);
    }

    private sealed class BudgetScope(bool budgeted, long left) : IDisposable
    {
        public void Dispose()
        {
            _budgeted = budgeted;
            _textLeft = left;
        }
    }

    /// <summary>A message template's parts joined, refused before it is built when it is too long.</summary>
    public static string ConcatMessage(string?[] parts)
    {
        long length = 0;
        foreach (var part in parts) length += part?.Length ?? 0;
        if (length > MaxMessageLength)
            throw new LimitExceededException($"the message would be {length:N0} characters; the limit is {MaxMessageLength:N0} (print a shorter value, e.g. not a whole source text)");
        return string.Concat(parts);
    }

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
