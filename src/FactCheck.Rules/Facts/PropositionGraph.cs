using System.Collections.Concurrent;
using FactCheck.Claims.Model;

namespace FactCheck.Rules.Facts;

/// <summary>
/// What a stance entails along the propositions' edges: asserting P asserts what P implies and denies what P excludes
/// (exclusion is mutual); denying Q denies what implies Q. Each proposition's and polarity's entailments are found once
/// (breadth-first, so cycles end) and shared by every stance that starts there, so the derived stances are made in the
/// projection, inserted with the rest in one batch, and the rules that group them compute each group once.
/// </summary>
internal sealed class PropositionGraph
{
    private readonly Dictionary<string, List<(string To, string Polarity)>> _fromAsserted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string To, string Polarity)>> _fromDenied = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), IReadOnlyList<(string Proposition, string Polarity)>> _entailed = new();

    public PropositionGraph(IReadOnlyList<Proposition> propositions)
    {
        foreach (var p in propositions)
        {
            foreach (var q in p.Implies)
            {
                Add(_fromAsserted, p.Key, (q.Id, "asserts"));
                Add(_fromDenied, q.Id, (p.Key, "denies"));
            }

            foreach (var q in p.Excludes)
            {
                Add(_fromAsserted, p.Key, (q.Id, "denies"));
                Add(_fromAsserted, q.Id, (p.Key, "denies"));
            }
        }
    }

    public bool IsEmpty => _fromAsserted.Count == 0;

    /// <summary>The stances a stance on <paramref name="proposition"/> entails, itself excluded.</summary>
    public IReadOnlyList<(string Proposition, string Polarity)> Entailed(string proposition, string polarity)
    {
        if (IsEmpty) return [];
        // A static factory with this as its argument: a lambda capturing it would be a new delegate on every call.
        return _entailed.GetOrAdd((proposition, polarity), static (start, graph) => graph.Closure(start), this);
    }

    private List<(string, string)> Closure((string, string) start)
    {
        var seen = new HashSet<(string, string)> { start };
        var queue = new Queue<(string, string)>();
        queue.Enqueue(start);
        var result = new List<(string, string)>();
        while (queue.Count > 0)
        {
            var (p, pol) = queue.Dequeue();
            var next = pol == "asserts" ? _fromAsserted.GetValueOrDefault(p) : _fromDenied.GetValueOrDefault(p);
            if (next is null) continue;
            foreach (var n in next)
            {
                if (!seen.Add(n)) continue;
                result.Add(n);
                queue.Enqueue(n);
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, List<(string, string)>> map, string from, (string, string) to)
    {
        if (!map.TryGetValue(from, out var list)) map[from] = list = [];
        if (!list.Contains(to)) list.Add(to);
    }
}
