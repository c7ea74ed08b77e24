namespace FactCheck.Drafting.Matching;

/// <summary>Recorded propositions whose description shares a drafted printing's words (an inverted index of their words).</summary>
internal sealed class PropositionFinder
{
    private const double Threshold = 0.35;

    private readonly List<(string Key, string[] Words)> _propositions = [];
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    public static PropositionFinder Build(IEnumerable<(string Key, string Description)> propositions)
    {
        var finder = new PropositionFinder();
        foreach (var (key, description) in propositions)
        {
            var words = Words.Of(description);
            var id = finder._propositions.Count;
            finder._propositions.Add((key, words));
            foreach (var w in words.Distinct().Where(w => w.Length > 3))
            {
                if (!finder._byWord.TryGetValue(w, out var list)) finder._byWord[w] = list = [];
                list.Add(id);
            }
        }

        return finder;
    }

    public IEnumerable<string> Find(string[] words)
    {
        var hits = new Dictionary<int, int>();
        foreach (var w in words.Distinct().Where(w => w.Length > 3))
        {
            if (!_byWord.TryGetValue(w, out var list) || list.Count > 5_000) continue;
            foreach (var id in list) hits[id] = hits.GetValueOrDefault(id) + 1;
        }

        return hits.Where(h => h.Value >= 2)
            .Select(h => (_propositions[h.Key].Key, Score: Words.Similarity(words, _propositions[h.Key].Words)))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .Take(2)
            .Select(x => x.Key);
    }
}
