using System.Runtime.InteropServices;

namespace FactCheck.Engine.Network;

/// <summary>One side's memory of a node: a single bucket when the node has no join key, else a bucket per key.</summary>
internal sealed class KeyedMemory(bool keyed)
{
    private readonly Dictionary<object, Bucket>? _map = keyed ? new Dictionary<object, Bucket>() : null;
    private readonly Bucket _single = new();

    public Bucket? Find(object? key)
    {
        if (_map is null) return _single;
        return _map.TryGetValue(key!, out var b) ? b : null;
    }

    public void Add(KeyedEntry e, object? key)
    {
        e.Key = key;
        if (_map is null)
        {
            _single.Add(e);
            return;
        }
        (CollectionsMarshal.GetValueRefOrAddDefault(_map, key!, out _) ??= new Bucket()).Add(e);
    }

    public void Remove(KeyedEntry e)
    {
        var b = e.Bucket;
        if (b is null) return;
        b.Remove(e);
        if (b.Count == 0 && _map is not null) _map.Remove(e.Key!);
    }
}
