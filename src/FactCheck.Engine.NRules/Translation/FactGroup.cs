using System.Collections;

namespace FactCheck.Engine.NRules.Translation;

/// <summary>An NRules group (<see cref="IGrouping{TKey, TElement}"/>) seen as the rule model's <see cref="IFactGroup{TKey, TFact}"/>.</summary>
internal sealed class FactGroup<TKey, TFact> : IFactGroup<TKey, TFact>
{
    private readonly TFact[] _facts;

    private FactGroup(TKey key, TFact[] facts)
    {
        Key = key;
        _facts = facts;
    }

    public TKey Key { get; }

    public int Count => _facts.Length;

    public TFact this[int index] => _facts[index];

    /// <summary>A snapshot: NRules hands the same mutable grouping on every change.</summary>
    public static IFactGroup<TKey, TFact> Of(IGrouping<TKey, TFact> grouping) => new FactGroup<TKey, TFact>(grouping.Key, grouping.ToArray());

    public IEnumerator<TFact> GetEnumerator() => ((IEnumerable<TFact>)_facts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}: [{string.Join(", ", _facts)}]";
}
