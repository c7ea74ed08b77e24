using System.Globalization;
using System.Text;

namespace FactCheck.Drafting.Matching;

/// <summary>
/// Printed words reduced to what compares: lower case, no accents, curly and straight quotes alike, no
/// punctuation, British and American spellings of the common news words folded, possessives dropped.
/// </summary>
internal static class Words
{
    internal static IEnumerable<KeyValuePair<string, string>> SpellingPairs => Spellings;

    /// <summary>Text that needs no accent folding (most news text): ASCII and the common typographic marks.</summary>
    internal static bool IsPlain(string text) =>
        text.All(ch => ch < 0x80 || ch is '’' or '‘' or '“' or '”' or '–' or '—' or '\u00A0' or '«' or '»' or '…');

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["defense"] = "defence", ["neighbor"] = "neighbour", ["neighbors"] = "neighbours", ["offense"] = "offence",
        ["favor"] = "favour", ["labor"] = "labour", ["honor"] = "honour", ["center"] = "centre", ["color"] = "colour",
        ["organization"] = "organisation", ["organizations"] = "organisations", ["program"] = "programme",
        ["analyze"] = "analyse", ["recognize"] = "recognise", ["criticize"] = "criticise", ["authorized"] = "authorised",
        ["gen"] = "general", ["blocs"] = "bloc",
    };

    public static string[] Of(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        // Decomposing is needed only to drop accents; most news text is plain ASCII and skips it.
        var source = IsPlain(text) ? text : text.Normalize(NormalizationForm.FormD);
        foreach (var raw in source)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark) continue;
            var c = raw is '’' or '‘' ? '\'' : raw;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\'' && sb.Length > 0)
            {
                sb.Append('\'');
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words.ToArray();

        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString().TrimEnd('\'');
            if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
            w = w.Replace("'", "", StringComparison.Ordinal);
            sb.Clear();
            if (w.Length == 0) return;
            words.Add(Spellings.GetValueOrDefault(w, w));
        }
    }

    /// <summary>
    /// How alike two texts' words are, 0-1: the mean of the Dice coefficients over words and over word pairs
    /// (word pairs keep order; single words forgive a reordered clause).
    /// </summary>
    public static double Similarity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var uni = Dice(a, b);
        if (a.Length < 2 || b.Length < 2) return uni;
        var pa = Pairs(a);
        var pb = Pairs(b);
        return (uni + Dice(pa, pb)) / 2;
    }

    /// <summary>How much of the shorter text's words the longer holds, 0-1 (a fragment inside a sentence scores 1).</summary>
    public static double Containment(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        var bag = large.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var hit = 0;
        foreach (var w in small)
        {
            if (bag.TryGetValue(w, out var n) && n > 0)
            {
                bag[w] = n - 1;
                hit++;
            }
        }

        return (double)hit / small.Length;
    }

    private static string[] Pairs(string[] w)
    {
        var p = new string[w.Length - 1];
        for (var i = 0; i + 1 < w.Length; i++) p[i] = w[i] + " " + w[i + 1];
        return p;
    }

    private static double Dice(string[] a, string[] b)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in a) bag[w] = bag.GetValueOrDefault(w) + 1;
        var common = 0;
        foreach (var w in b)
        {
            if (bag.TryGetValue(w, out var n) && n > 0)
            {
                bag[w] = n - 1;
                common++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }

    /// <summary>What one printing has that the other does not, in a few words: "building → forming".</summary>
    public static string Drift(string recorded, string drafted)
    {
        var a = Of(recorded);
        var b = Of(drafted);
        var gone = a.Except(b, StringComparer.Ordinal).ToList();
        var added = b.Except(a, StringComparer.Ordinal).ToList();
        if (gone.Count == 0 && added.Count == 0) return "same words";
        var left = gone.Count == 0 ? "(none)" : string.Join(" ", gone.Take(8)) + (gone.Count > 8 ? " …" : "");
        var right = added.Count == 0 ? "(none)" : string.Join(" ", added.Take(8)) + (added.Count > 8 ? " …" : "");
        return $"{left} → {right}";
    }
}
