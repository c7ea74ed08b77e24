using System.Text;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Printed text as a sequence of words, each kept as printed (for messages) and folded (for comparing): case,
/// accents, curly quotes, dashes and punctuation do not make two wordings differ.
/// </summary>
internal sealed class Words
{
    /// <summary>Words that turn a statement into its opposite.</summary>
    public static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nothing", "none", "neither", "nor", "without", "nobody", "nowhere", "cannot",
    };

    /// <summary>Words that soften a statement into a possibility.</summary>
    public static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "likely", "unlikely", "probably", "possibly", "possible", "perhaps", "maybe", "may", "might", "could", "reportedly",
        "allegedly", "apparently", "seemingly", "suspected", "believed", "presumably", "supposedly", "purportedly",
    };

    /// <summary>Words that carry grammar rather than meaning: dropping or swapping them is not a change of sense.</summary>
    public static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "that", "this",
        "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
        "did", "so", "than", "then", "which", "who", "whom", "whose", "s", "we", "our", "they", "their", "he", "his", "she", "her",
    };

    private Words(string[] printed, string[] folded)
    {
        Printed = printed;
        Folded = folded;
    }

    public string[] Printed { get; }

    public string[] Folded { get; }

    public int Count => Folded.Length;

    /// <summary>The folded words joined by single spaces: equal keys mean the same wording.</summary>
    public string Key => string.Join(' ', Folded);

    // Scratch lists for Of (one call at a time per thread): only the two arrays of the result are allocated.
    [ThreadStatic]
    private static List<string>? t_printed;

    [ThreadStatic]
    private static List<string>? t_folded;

    public static Words Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new Words([], []);
        var printed = t_printed ??= [];
        var folded = t_folded ??= [];
        printed.Clear();
        folded.Clear();
        // A word is a run of letters and digits, with apostrophes inside it (typographic ones printed as '), trailing
        // apostrophes dropped. It is cut from the text as printed (one string) unless an apostrophe has to be mapped.
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                var c = Apostrophe(text[i]);
                if (char.IsLetterOrDigit(c) || (c == '\'' && start >= 0))
                {
                    if (start < 0) start = i;
                    continue;
                }
            }

            if (start < 0) continue;
            var end = i;
            while (end > start && Apostrophe(text[end - 1]) == '\'') end--;
            if (end > start)
            {
                var p = Cut(text, start, end);
                printed.Add(p);
                folded.Add(Spelling(ExpressionFunctions.Fold(p)!));
            }

            start = -1;
        }

        // "n't" is a negation inside a word: "don't" compares as "do not".
        for (var i = 0; i < folded.Count; i++)
        {
            if (folded[i].EndsWith("n't", StringComparison.Ordinal) && folded[i].Length > 3)
            {
                folded[i] = folded[i] is "can't" ? "can" : folded[i] is "won't" ? "will" : folded[i][..^3];
                folded.Insert(i + 1, "not");
                printed.Insert(i + 1, string.Empty);
            }
        }

        var words = new Words([.. printed], [.. folded]);
        printed.Clear();
        folded.Clear();
        // A whole source text's words are not kept for the thread's life.
        if (printed.Capacity > 1024) t_printed = t_folded = null;
        return words;
    }

    private static char Apostrophe(char raw) => raw is '\u2019' or '\u2018' or '`' or '\u00B4' ? '\'' : raw;

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, its apostrophes straight.</summary>
    private static string Cut(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (span.IndexOfAny('\u2019', '\u2018') < 0 && span.IndexOfAny('`', '\u00B4') < 0) return span.ToString();
        return string.Create(span.Length, (text, start), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Apostrophe(state.text[state.start + i]);
        });
    }

    [ThreadStatic]
    private static StringBuilder? t_key;

    [ThreadStatic]
    private static StringBuilder? t_word;

    /// <summary>
    /// <c>Of(text).Key</c> without the word arrays: the projection keys every quote of a large corpus, and a plain
    /// ASCII word (most of them) is lower-cased straight into the key with no string of its own.
    /// </summary>
    public static string KeyOf(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var key = t_key ??= new StringBuilder();
        var word = t_word ??= new StringBuilder();
        key.Clear();
        word.Clear();
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' or '`' or '\u00B4' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || (c == '\'' && word.Length > 0)) word.Append(c);
            else AppendWord(key, word);
        }

        AppendWord(key, word);
        return key.ToString();
    }

    private static void AppendWord(StringBuilder key, StringBuilder word)
    {
        var end = word.Length;
        while (end > 0 && word[end - 1] == '\'') end--;
        if (end == 0)
        {
            word.Clear();
            return;
        }

        var plain = true;
        for (var i = 0; i < end && plain; i++) plain = word[i] < '\u0080' && word[i] != '\'';
        if (key.Length > 0) key.Append(' ');
        // Spelling variants and "n't" need the whole word; both are rare.
        if (plain && !(end >= 6 && (EndsWith(word, end, "ence") || EndsWith(word, end, "our") || EndsWith(word, end, "ours") || EndsWith(word, end, "ise")
                || EndsWith(word, end, "ised") || EndsWith(word, end, "ising"))))
        {
            for (var i = 0; i < end; i++) key.Append(char.ToLowerInvariant(word[i]));
        }
        else
        {
            var folded = Spelling(ExpressionFunctions.Fold(word.ToString(0, end))!);
            if (folded.EndsWith("n't", StringComparison.Ordinal) && folded.Length > 3)
            {
                key.Append(folded is "can't" ? "can" : folded is "won't" ? "will" : folded[..^3]).Append(" not");
            }
            else
            {
                key.Append(folded);
            }
        }

        word.Clear();
    }

    private static bool EndsWith(StringBuilder word, int end, string suffix)
    {
        if (end < suffix.Length) return false;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (char.ToLowerInvariant(word[end - suffix.Length + i]) != suffix[i]) return false;
        }

        return true;
    }

    /// <summary>
    /// The quoted pieces of a wording: the parts between quotation marks when it has any ("not creating a "military
    /// bloc" - unlike "certain aggressive Western countries""), else the whole text.
    /// </summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB')) continue;
            if (start < 0)
            {
                start = i + 1;
            }
            else
            {
                if (HasWord(text.AsSpan(start, i - start))) pieces.Add(text[start..i]);
                start = -1;
            }
        }

        return pieces.Count == 0 ? [text] : pieces;
    }

    /// <summary>Whether <see cref="Of"/> finds a word in the text: a word is a run that starts with a letter or digit.</summary>
    private static bool HasWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) return true;
        }

        return false;
    }

    /// <summary>
    /// British and American spellings compare equal ("defence"/"defense", "neighbour"/"neighbor", "organise"/"organize"):
    /// both sides are mapped to one form, so a translation's spelling is not a changed word.
    /// </summary>
    private static string Spelling(string w)
    {
        if (w.Length < 6) return w;
        if (w.EndsWith("ence", StringComparison.Ordinal) && w is "defence" or "offence" or "licence" or "pretence") return w[..^2] + "se";
        if (w.EndsWith("our", StringComparison.Ordinal)) return w[..^3] + "or";
        if (w.EndsWith("ours", StringComparison.Ordinal)) return w[..^4] + "ors";
        if (w.EndsWith("ise", StringComparison.Ordinal) || w.EndsWith("ised", StringComparison.Ordinal) || w.EndsWith("ising", StringComparison.Ordinal))
        {
            var at = w.LastIndexOf("is", StringComparison.Ordinal);
            return w[..at] + "iz" + w[(at + 2)..];
        }

        return w;
    }

    /// <summary>The printed words from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), joined.</summary>
    public string Span(int from, int to)
    {
        var parts = new List<string>();
        for (var i = from; i < to; i++) parts.Add(Printed[i].Length > 0 ? Printed[i] : "not");
        return string.Join(' ', parts);
    }

    /// <summary>True when <paramref name="part"/>'s words occur, in order and together, inside these words.</summary>
    public bool ContainsRun(Words part)
    {
        if (part.Count == 0) return true;
        if (part.Count > Count) return false;
        for (var i = 0; i + part.Count <= Count; i++)
        {
            var j = 0;
            while (j < part.Count && Folded[i + j] == part.Folded[j]) j++;
            if (j == part.Count) return true;
        }

        return false;
    }
}
