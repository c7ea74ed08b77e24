using System.Collections;

namespace FactCheck.Engine.Network;

/// <summary>A group-by result; also hosts the typed factory for collect results.</summary>
internal sealed class FactGroup<TKey, TFact> : IFactGroup<TKey, TFact>
{
    private readonly TFact[] _items;

    private FactGroup(TKey key, TFact[] items)
    {
        Key = key;
        _items = items;
    }

    public TKey Key { get; }

    public int Count => _items.Length;

    public TFact this[int index] => _items[index];

    public static object Create(object key, object?[] items) =>
        new FactGroup<TKey, TFact>(key is NullKey ? default! : (TKey)key, Typed(items));

    /// <summary>A collect result over the aggregate's own array of the facts (see <see cref="FactList{TFact}"/>).</summary>
    public static object CreateList(object?[] items) => new FactList<TFact>(items);

    private static TFact[] Typed(object?[] items)
    {
        var typed = new TFact[items.Length];
        for (var i = 0; i < items.Length; i++) typed[i] = (TFact)items[i]!;
        return typed;
    }

    public IEnumerator<TFact> GetEnumerator() => ((IEnumerable<TFact>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => $"{Key}: [{string.Join(", ", _items)}]";
}
