using System.Text;

namespace FactCheck.Drafting.Matching;

/// <summary>
/// The index's view of words: 64-bit hashes of the words <see cref="Words.Of"/> yields, computed from the text
/// without allocating a string per word. Building the index for 100,000 claims with a string and a list per word
/// pair took 10-16 s on the 2-core machine; hashes into flat arrays take a fraction of that (docs/draft.md).
/// </summary>
internal static class WordHashes
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const int MaxWord = 64;

    /// <summary>The spelling variants <see cref="Words"/> folds, by hash.</summary>
    private static readonly Dictionary<ulong, ulong> Folded = Words.SpellingPairs.ToDictionary(p => Hash(p.Key), p => Hash(p.Value));

    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = Offset;
        foreach (var c in word)
        {
            h ^= c;
            h *= Prime;
        }

        return h;
    }

    /// <summary>Appends the hash of each word of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void Of(string text, List<ulong> into)
    {
        var plain = Words.IsPlain(text);
        if (!plain) text = text.Normalize(NormalizationForm.FormD);
        Span<char> word = stackalloc char[MaxWord];
        var n = 0;
        foreach (var raw in text)
        {
            if (!plain && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(raw) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            var c = raw is '’' or '‘' ? '\'' : raw;
            if (char.IsLetterOrDigit(c))
            {
                if (n < MaxWord) word[n++] = char.ToLowerInvariant(c);
            }
            else if (c == '\'' && n > 0)
            {
                if (n < MaxWord) word[n++] = '\'';
            }
            else
            {
                Flush(word, ref n, into);
            }
        }

        Flush(word, ref n, into);
    }

    private static void Flush(Span<char> word, ref int n, List<ulong> into)
    {
        if (n == 0) return;
        var w = word[..n];
        n = 0;
        while (w.Length > 0 && w[^1] == '\'') w = w[..^1];
        if (w.Length >= 2 && w[^2] == '\'' && w[^1] == 's') w = w[..^2];
        Span<char> clean = stackalloc char[w.Length];
        var m = 0;
        foreach (var c in w)
        {
            if (c != '\'') clean[m++] = c;
        }

        if (m == 0) return;
        var h = Hash(clean[..m]);
        into.Add(Folded.TryGetValue(h, out var canonical) ? canonical : h);
    }

    public static long Unigram(ulong h) => (long)(h & ~1UL);

    public static long Bigram(ulong a, ulong b) => (long)(((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL) | 1UL);

    /// <summary>The hashes of each word of <paramref name="text"/>.</summary>
    public static ulong[] Of(string text)
    {
        var list = new List<ulong>();
        Of(text, list);
        return list.ToArray();
    }

    public static ulong[] Sorted(ulong[] hashes)
    {
        var sorted = (ulong[])hashes.Clone();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The word pairs' keys, sorted (a pair is the same key the index uses).</summary>
    public static ulong[] SortedPairs(ulong[] hashes)
    {
        if (hashes.Length < 2) return [];
        var pairs = new ulong[hashes.Length - 1];
        for (var i = 0; i + 1 < hashes.Length; i++) pairs[i] = (ulong)Bigram(hashes[i], hashes[i + 1]);
        Array.Sort(pairs);
        return pairs;
    }

    /// <summary>
    /// <see cref="Words.Similarity"/> on hashes: the mean of the Dice coefficients over words and over word pairs, counted
    /// by merging sorted arrays, so that scoring a shortlisted entry allocates nothing (match scores hundreds of thousands).
    /// </summary>
    public static double Similarity(ulong[] wordsA, ulong[] pairsA, ulong[] wordsB, ulong[] pairsB)
    {
        if (wordsA.Length == 0 || wordsB.Length == 0) return 0;
        var uni = Dice(wordsA, wordsB);
        if (wordsA.Length < 2 || wordsB.Length < 2) return uni;
        return (uni + Dice(pairsA, pairsB)) / 2;
    }

    private static double Dice(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }

    /// <summary>Whether the shorter text, of at least <paramref name="minWords"/> words, is printed word for word inside the longer.</summary>
    public static bool HoldsPhrase(ulong[] a, ulong[] b, int minWords)
    {
        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        if (small.Length < minWords) return false;
        return large.AsSpan().IndexOf(small.AsSpan()) >= 0;
    }

    /// <summary>The index keys of a text's words: word pairs, and single words too for texts of three words or fewer.</summary>
    public static void Keys(IReadOnlyList<ulong> words, List<long> into)
    {
        if (words.Count <= 3)
        {
            foreach (var w in words) into.Add(Unigram(w));
        }

        for (var i = 0; i + 1 < words.Count; i++) into.Add(Bigram(words[i], words[i + 1]));
    }
}
