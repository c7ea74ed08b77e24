using System.Runtime.InteropServices;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Finds stored texts that are near-copies of another source's text by shingling: every run of
/// <see cref="ShingleWords"/> folded words is hashed into one index over all texts, and a text whose shingles mostly
/// occur in one other text copies it. Time and memory are linear in the total words (no pairwise edit distance).
/// </summary>
internal sealed class TextCopies
{
    public const int ShingleWords = 5;

    /// <summary>A text shorter than this many shingles is too short to call a copy.</summary>
    public const int MinShingles = 20;

    /// <summary>The share of a text's shingles found in the other text that makes it a near-copy.</summary>
    public const double Threshold = 0.5;

    /// <summary>A shingle found in more texts than this is boilerplate (a standard sign-off) and says nothing.</summary>
    private const int MaxPostings = 32;

    private readonly IReadOnlyList<SourceFact> _sources;
    private readonly Dictionary<ulong, List<int>> _index = [];
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);

    private TextCopies(IReadOnlyList<SourceFact> sources)
    {
        _sources = sources;
        for (var i = 0; i < sources.Count; i++)
        {
            _position.TryAdd(sources[i].Id, i);
            foreach (var shingle in Shingles(sources[i].Text).Distinct())
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, shingle, out _);
                list ??= [];
                if (list.Count <= MaxPostings) list.Add(i);
            }
        }
    }

    public static TextCopies Build(IReadOnlyList<SourceFact> sources) => new(sources);

    /// <summary>
    /// The source <paramref name="source"/> copies without credit, as a message; null when none. Of two near-identical
    /// texts the copy is the one that is not wire copy, else the later, else the one whose id sorts last.
    /// </summary>
    public string? UncreditedCopy(SourceFact source)
    {
        var shingles = Shingles(source.Text).Distinct().ToList();
        if (shingles.Count < MinShingles) return null;
        var shared = new Dictionary<int, int>();
        foreach (var shingle in shingles)
        {
            if (!_index.TryGetValue(shingle, out var postings) || postings.Count > MaxPostings) continue;
            foreach (var other in postings) shared[other] = shared.GetValueOrDefault(other) + 1;
        }

        _position.TryGetValue(source.Id, out var self);
        var candidates = shared
            .Where(p => p.Key != self && (double)p.Value / shingles.Count >= Threshold)
            .Select(p => (Source: _sources[p.Key], Share: (double)p.Value / shingles.Count))
            .ToList();
        // Words explained by a source it credits or derives from (its lineage) are accounted for, even if a third
        // text repeats them too.
        if (candidates.Any(c => SameLineage(source, c.Source))) return null;
        var original = candidates
            .Where(c => IsCopier(source, c.Source))
            .OrderByDescending(c => c.Source.Kind == "wire-copy")
            .ThenBy(c => c.Source.Published ?? "9999", StringComparer.Ordinal)
            .ThenByDescending(c => c.Share)
            .ThenBy(c => c.Source.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (original.Source is null) return null;
        return $"the text of {source.Id} repeats {Math.Round(original.Share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}% of the text of {original.Source.Id} ({original.Source.Kind}" +
            $"{(original.Source.Published is null ? "" : ", " + original.Source.Published)}) but neither credits nor derives from it";
    }

    private static bool SameLineage(SourceFact a, SourceFact b) =>
        (a.Lineage is not null && a.Lineage == b.Lineage) || a.Credits?.Contains(b.Id) == true || a.DerivedFrom == b.Id;

    private static bool IsCopier(SourceFact source, SourceFact original)
    {
        if (original.Kind == "wire-copy" && source.Kind != "wire-copy") return true;
        if (source.Kind == "wire-copy" && original.Kind != "wire-copy") return false;
        var order = string.CompareOrdinal(source.Published, original.Published);
        if (source.Published is not null && original.Published is not null && order != 0) return order > 0;
        return string.CompareOrdinal(source.Id, original.Id) > 0;
    }

    private static IEnumerable<ulong> Shingles(string? text)
    {
        if (text is null) yield break;
        var words = Words.Of(text).Folded;
        for (var i = 0; i + ShingleWords <= words.Length; i++)
        {
            // FNV-1a over the words of the window: cheap, stable across runs (string.GetHashCode is randomised).
            var hash = 14695981039346656037UL;
            for (var w = i; w < i + ShingleWords; w++)
            {
                foreach (var c in words[w])
                {
                    hash ^= c;
                    hash *= 1099511628211UL;
                }

                hash ^= ' ';
                hash *= 1099511628211UL;
            }

            yield return hash;
        }
    }
}
