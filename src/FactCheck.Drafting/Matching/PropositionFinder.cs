namespace FactCheck.Drafting.Matching;

/// <summary>
/// Recorded propositions whose description shares a drafted printing's words (an inverted index of their words): built
/// from the propositions, or over a snapshot's table of the same lists (<see cref="Over"/>), which finds the same.
/// </summary>
internal sealed class PropositionFinder
{
    private const double Threshold = 0.35;

    /// <summary>The propositions listing a word (in the propositions' order), or an empty list.</summary>
    private readonly Func<string, IReadOnlyList<int>> _listing;

    /// <summary>A proposition's key and description.</summary>
    private readonly Func<int, (string Key, string Description)> _proposition;

    private readonly Dictionary<int, (string Key, string[] Words)> _words = [];

    private PropositionFinder(Func<string, IReadOnlyList<int>> listing, Func<int, (string Key, string Description)> proposition)
    {
        _listing = listing;
        _proposition = proposition;
    }

    /// <summary>The words indexed: those of more than three letters, each listed once per description.</summary>
    public static IEnumerable<string> IndexedWords(string description) => Words.Of(description).Distinct().Where(w => w.Length > 3);

    public static PropositionFinder Build(IEnumerable<(string Key, string Description)> propositions)
    {
        var all = propositions.ToList();
        var byWord = Lists(all);
        return new PropositionFinder(w => byWord.TryGetValue(w, out var list) ? list : [], i => all[i]);
    }

    /// <summary>Each indexed word's list of propositions, in the propositions' order.</summary>
    public static Dictionary<string, List<int>> Lists(IReadOnlyList<(string Key, string Description)> propositions)
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < propositions.Count; id++)
        {
            foreach (var w in IndexedWords(propositions[id].Description))
            {
                if (!byWord.TryGetValue(w, out var list)) byWord[w] = list = [];
                list.Add(id);
            }
        }

        return byWord;
    }

    /// <summary>A finder over lists kept elsewhere (a snapshot's), reading each proposition only when a word leads to it.</summary>
    public static PropositionFinder Over(Func<string, IReadOnlyList<int>> listing, Func<int, (string Key, string Description)> proposition) => new(listing, proposition);

    public IEnumerable<string> Find(string[] words)
    {
        var hits = new Dictionary<int, int>();
        foreach (var w in words.Distinct().Where(w => w.Length > 3))
        {
            var list = _listing(w);
            if (list.Count > 5_000) continue;
            foreach (var id in list) hits[id] = hits.GetValueOrDefault(id) + 1;
        }

        return hits.Where(h => h.Value >= 2)
            .Select(h => Proposition(h.Key) is var p ? (p.Key, Score: Words.Similarity(words, p.Words)) : default)
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .Take(2)
            .Select(x => x.Key);
    }

    private (string Key, string[] Words) Proposition(int id)
    {
        if (!_words.TryGetValue(id, out var p))
        {
            var (key, description) = _proposition(id);
            _words[id] = p = (key, Words.Of(description));
        }

        return p;
    }
}
