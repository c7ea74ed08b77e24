namespace FactCheck.Engine.NRules.Runtime;

/// <summary>
/// The session's facts by reference, in insertion order (NRules' working memory is a hash map: no order). An array
/// with holes compacted when half empty, so removal is O(1) amortised.
/// </summary>
internal sealed class FactOrder
{
    private readonly Dictionary<object, int> _positions = new(ReferenceEqualityComparer.Instance);
    private object?[] _items = new object?[16];
    private int _end;

    public int Count => _positions.Count;

    public bool Contains(object fact) => _positions.ContainsKey(fact);

    public void Add(object fact)
    {
        if (_positions.ContainsKey(fact)) return;
        if (_end == _items.Length)
        {
            if (_positions.Count <= _end / 2) Compact();
            else Array.Resize(ref _items, _items.Length * 2);
        }

        _positions[fact] = _end;
        _items[_end++] = fact;
    }

    public void Remove(object fact)
    {
        if (!_positions.Remove(fact, out var at)) return;
        _items[at] = null;
        if (at == _end - 1) _end--;
    }

    public List<T> OfType<T>()
    {
        var list = new List<T>();
        for (var i = 0; i < _end; i++)
        {
            if (_items[i] is T t) list.Add(t);
        }

        return list;
    }

    private void Compact()
    {
        var kept = 0;
        for (var i = 0; i < _end; i++)
        {
            if (_items[i] is not { } fact) continue;
            _items[kept] = fact;
            _positions[fact] = kept++;
        }

        Array.Clear(_items, kept, _end - kept);
        _end = kept;
    }
}
