using System.Collections;

namespace FactCheck.Engine.Network;

/// <summary>
/// A collect result: the facts, typed, over the array the aggregate keeps to compare its next result with (and never
/// changes), so a result is one small object more than that array rather than a typed copy of it and a wrapper.
/// </summary>
internal sealed class FactList<TFact>(object?[] items) : IReadOnlyList<TFact>
{
    public int Count => items.Length;

    public TFact this[int index] => (TFact)items[index]!;

    public IEnumerator<TFact> GetEnumerator()
    {
        for (var i = 0; i < items.Length; i++) yield return (TFact)items[i]!;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", items)}]";
}
