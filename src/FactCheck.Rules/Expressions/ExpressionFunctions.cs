using System.Collections;
using System.Globalization;
using System.Text;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// The standard text and collection functions available to rule expressions. All are deterministic,
/// culture-invariant, allocate at most proportionally to their input, and accept null (returning null
/// for transformations and false for predicates).
/// </summary>
public static class ExpressionFunctions
{
    /// <summary>Above this length (after normalising) similarity switches from edit distance to word overlap.</summary>
    public const int MaxEditDistanceLength = 500;

    /// <summary>Invariant lower case, with 'İ' (U+0130) mapped to 'i' as Unicode does (see <see cref="LowerChar"/>).</summary>
    public static string? Lower(string? s) =>
        s is null ? null : s.Contains('\u0130', StringComparison.Ordinal) ? s.Replace('\u0130', 'i').ToLowerInvariant() : s.ToLowerInvariant();

    /// <summary>Invariant upper case, with 'ı' (U+0131) and 'ſ' (U+017F) mapped to 'I' and 'S' as Unicode does.</summary>
    public static string? Upper(string? s) =>
        s?.Replace('\u0131', 'I').Replace('\u017F', 'S').ToUpperInvariant();

    /// <summary>
    /// One character in lower case. Under invariant globalization .NET leaves 'İ' (U+0130, Turkish capital dotted I)
    /// unchanged, the only letter of the BMP whose Unicode simple lower-case mapping it skips; mapped here to 'i' so
    /// that "İZMİR" and "İzmir" compare equal once lowered.
    /// </summary>
    internal static char LowerChar(char c) => c == '\u0130' ? 'i' : char.ToLowerInvariant(c);

    public static string? Trim(string? s) => s?.Trim();

    public static long? Len(string? s) => s?.Length;

    public static bool Contains(string? s, string? sub) => s is not null && sub is not null && s.Contains(sub, StringComparison.Ordinal);

    public static bool StartsWith(string? s, string? prefix) =>
        s is not null && prefix is not null && s.StartsWith(prefix, StringComparison.Ordinal);

    public static bool EndsWith(string? s, string? suffix) =>
        s is not null && suffix is not null && s.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>True when the text is null, empty or only whitespace.</summary>
    public static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>
    /// Lower case without accents: "Élysée" becomes "elysee", "Straße" becomes "strasse". Works without ICU
    /// (the build uses invariant globalization, where Unicode normalisation is not available): precomposed
    /// Latin letters are mapped through a table and combining marks are dropped.
    /// </summary>
    public static string? Fold(string? s)
    {
        if (s is null) return null;
        if (IsFolded(s)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (char raw in s)
        {
            char c = LowerChar(raw);
            if (c < '\u00C0') { sb.Append(c); continue; }
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (FoldTable.TryGetValue(c, out var replacement)) sb.Append(replacement);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly Dictionary<char, string> FoldTable = BuildFoldTable();

    private static Dictionary<char, string> BuildFoldTable()
    {
        (string Base, string Accented)[] groups =
        [
            ("a", "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ"),
            ("c", "çćĉċč"),
            ("d", "ďđ"),
            ("e", "èéêëēĕėęěȅȇȩẹẻẽếềểễệ"),
            ("g", "ĝğġģǧǵ"),
            ("h", "ĥħ"),
            ("i", "ìíîïĩīĭįıǐȉȋỉị"),
            ("j", "ĵ"),
            ("k", "ķǩ"),
            ("l", "ĺļľŀł"),
            ("n", "ñńņňŉǹ"),
            ("o", "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ"),
            ("r", "ŕŗřȑȓ"),
            ("s", "śŝşšșſ"),
            ("t", "ţťŧț"),
            ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự"),
            ("w", "ŵẁẃẅ"),
            ("y", "ýÿŷỳỵỷỹ"),
            ("z", "źżž"),
            ("ss", "ß"),
            ("ae", "æǣǽ"),
            ("oe", "œ"),
            ("th", "þ"),
            ("dh", "ð"),
        ];
        var table = new Dictionary<char, string>();
        foreach (var (b, accented) in groups)
        {
            foreach (char c in accented) table[c] = b;
        }
        return table;
    }

    /// <summary>
    /// Canonical form for comparing quotations: curly quotes and primes become straight quotes, dashes become
    /// '-', the ellipsis character becomes "...", runs of whitespace become one space, trimmed, lower case.
    /// </summary>
    public static string? NormalizeQuote(string? s)
    {
        if (s is null) return null;
        if (IsNormalizedQuote(s)) return s;
        var sb = new StringBuilder(s.Length);
        bool pendingSpace = false;
        foreach (char raw in s)
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            switch (raw)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`':
                    sb.Append('\''); break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                    sb.Append('"'); break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                    sb.Append('-'); break;
                case '\u2026':
                    sb.Append("..."); break;
                default:
                    sb.Append(LowerChar(raw)); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Similarity in 0..1 of two texts after <see cref="NormalizeQuote"/> and <see cref="Fold"/>:
    /// 1 - Levenshtein distance / longer length; when either text is longer than
    /// <see cref="MaxEditDistanceLength"/> characters, the Dice coefficient of their word multisets instead
    /// (keeps the cost linear). Two empty texts are identical (1); null gives null.
    /// </summary>
    public static double? Similarity(string? a, string? b)
    {
        if (a is null || b is null) return null;
        string x = Fold(NormalizeQuote(a))!, y = Fold(NormalizeQuote(b))!;
        if (x.Length == 0 && y.Length == 0) return 1.0;
        if (x.Length > MaxEditDistanceLength || y.Length > MaxEditDistanceLength) return WordDice(x, y);
        int distance = Levenshtein(x, y);
        return 1.0 - (double)distance / Math.Max(x.Length, y.Length);
    }

    /// <summary>Number of items in a list; null gives null.</summary>
    public static long? Count(IEnumerable? items)
    {
        if (items is null) return null;
        if (items is ICollection c) return c.Count;
        long n = 0;
        foreach (var _ in items) n++;
        return n;
    }

    /// <summary>True when the list has at least one item.</summary>
    public static bool Any(IEnumerable? items)
    {
        if (items is null) return false;
        if (items is ICollection c) return c.Count > 0;
        var e = items.GetEnumerator();
        try { return e.MoveNext(); }
        finally { (e as IDisposable)?.Dispose(); }
    }

    public static long? Abs(long? n) => n is null ? null : checked(Math.Abs(n.Value));

    public static double? Abs(double? n) => n is null ? null : Math.Abs(n.Value);

    /// <summary>Already lower-case ASCII without accents: folding would return an equal string.</summary>
    private static bool IsFolded(string s)
    {
        foreach (var c in s)
        {
            if (c >= '\u0080' || char.IsAsciiLetterUpper(c)) return false;
        }

        return true;
    }

    /// <summary>Rule conditions normalise the same quotes again and again; most are already plain.</summary>
    private static bool IsNormalizedQuote(string s)
    {
        if (s.Length > 0 && (s[0] == ' ' || s[^1] == ' ')) return false;
        var previous = 'x';
        foreach (var c in s)
        {
            if (c >= '\u0080' || char.IsAsciiLetterUpper(c) || c == '`' || (c < ' ') || (c == ' ' && previous == ' ')) return false;
            previous = c;
        }

        return true;
    }

    internal static int Levenshtein(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a == b) return 0;
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    private static double WordDice(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        int total = wa.Values.Sum() + wb.Values.Sum();
        if (total == 0) return a == b ? 1.0 : 0.0;
        int common = 0;
        foreach (var (word, n) in wa)
        {
            if (wb.TryGetValue(word, out int m)) common += Math.Min(n, m);
        }
        return 2.0 * common / total;
    }

    private static Dictionary<string, int> Words(string s)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && !char.IsLetterOrDigit(s[i])) i++;
            int start = i;
            while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
            if (i > start)
            {
                var w = s[start..i];
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }
        return counts;
    }
}
