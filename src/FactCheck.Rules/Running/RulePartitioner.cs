using FactCheck.Engine;

namespace FactCheck.Rules.Running;

/// <summary>
/// Splits a rule set into groups that cannot affect each other, so that each group can run in a session
/// of its own, side by side. Two rules belong together when one inserts or retracts a fact type the other
/// matches (so two rules writing a type someone reads meet through that reader): chaining and truth maintenance stay inside one session. Independent
/// components are then packed into at most <c>groups</c> bins, heaviest first, weighing a rule by the
/// facts its patterns see, so the bins take about the same time.
/// </summary>
internal static class RulePartitioner
{
    public sealed record RuleGroup(IReadOnlyList<RuleDefinition> Rules, IReadOnlySet<Type> Reads)
    {
        /// <summary>Whether a pattern of the group's rules is of <paramref name="factType"/> or of a type it derives from.</summary>
        public bool ReadsFactsOf(Type factType) => Reads.Any(r => r.IsAssignableFrom(factType));
    }

    public static IReadOnlyList<RuleGroup> Partition(
        IReadOnlyList<RuleDefinition> rules, Func<string, IReadOnlySet<Type>> writes, IReadOnlyDictionary<Type, int> factCounts, int groups)
    {
        var reads = rules.Select(r => Patterns(r.Lhs).Select(p => p.FactType).ToHashSet()).ToArray();
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        for (var a = 0; a < rules.Count; a++)
        {
            foreach (var written in writes(rules[a].Name))
            {
                for (var b = 0; b < rules.Count; b++)
                {
                    if (a != b && (reads[b].Any(t => t.IsAssignableFrom(written))))
                    {
                        Union(parent, a, b);
                    }
                }
            }
        }

        var components = Enumerable.Range(0, rules.Count)
            .GroupBy(i => Find(parent, i))
            .Select(c => (Rules: c.ToList(), Weight: c.Sum(i => Weight(rules[i], factCounts))))
            .OrderByDescending(c => c.Weight)
            .ThenBy(c => c.Rules[0])
            .ToList();

        var bins = new List<(List<int> Rules, long Weight)>();
        foreach (var component in components)
        {
            if (bins.Count < groups)
            {
                bins.Add((component.Rules, component.Weight));
                continue;
            }

            var lightest = 0;
            for (var i = 1; i < bins.Count; i++)
            {
                if (bins[i].Weight < bins[lightest].Weight) lightest = i;
            }

            bins[lightest] = ([.. bins[lightest].Rules, .. component.Rules], bins[lightest].Weight + component.Weight);
        }

        // Declaration order inside a group keeps the conflict resolution's rule-order tie-break.
        return bins
            .Select(b => b.Rules.Order().ToList())
            .Select(indexes => new RuleGroup(indexes.Select(i => rules[i]).ToArray(), indexes.SelectMany(i => reads[i]).ToHashSet()))
            .ToArray();
    }

    /// <summary>The fact types any of <paramref name="rules"/> matches.</summary>
    public static IReadOnlySet<Type> Reads(IEnumerable<RuleDefinition> rules) => rules.SelectMany(r => Patterns(r.Lhs)).Select(p => p.FactType).ToHashSet();

    /// <summary>Every pattern of a left-hand side, nested ones (not, exists, aggregates) included.</summary>
    public static IEnumerable<PatternElement> Patterns(RuleElement element) => element switch
    {
        PatternElement pattern => [pattern],
        AndElement and => and.Children.SelectMany(Patterns),
        OrElement or => or.Children.SelectMany(Patterns),
        NotElement not => Patterns(not.Child),
        ExistsElement exists => Patterns(exists.Child),
        ForAllElement forAll => [forAll.BasePattern, .. forAll.MustMatch],
        AggregateElement aggregate => [aggregate.Source],
        _ => [],
    };

    /// <summary>A rough cost: how many facts reach the rule's patterns (each pattern holds a memory of them).</summary>
    private static long Weight(RuleDefinition rule, IReadOnlyDictionary<Type, int> factCounts) =>
        1 + Patterns(rule.Lhs).Sum(p => (long)factCounts.Where(c => p.FactType.IsAssignableFrom(c.Key)).Sum(c => c.Value));

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b) => parent[Find(parent, a)] = Find(parent, b);
}
