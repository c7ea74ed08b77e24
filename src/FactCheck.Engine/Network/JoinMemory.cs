using System.Runtime.InteropServices;

namespace FactCheck.Engine.Network;

/// <summary>
/// Both memories of a two-input node: a left and a right bucket per join key (a single pair when the node has no key).
/// The two buckets of a key are found with one lookup, so an entry joins its key's bucket and reaches the other side's
/// in the same hash probe.
/// </summary>
internal sealed class JoinMemory
{
    private readonly Dictionary<object, Bucket>? _map;
    private readonly Bucket _singleLeft;

    public JoinMemory(bool keyed)
    {
        if (keyed) _map = new Dictionary<object, Bucket>();
        _singleLeft = Bucket.NewPair();
    }

    /// <summary>Adds a left entry under <paramref name="key"/>; returns the key's right bucket (possibly empty).</summary>
    public Bucket AddLeft(KeyedEntry e, object? key)
    {
        var left = LeftBucket(key);
        e.Key = key;
        left.Add(e);
        return left.Other;
    }

    /// <summary>Adds a right entry under <paramref name="key"/>; returns the key's left bucket (possibly empty).</summary>
    public Bucket AddRight(KeyedEntry e, object? key)
    {
        var left = LeftBucket(key);
        e.Key = key;
        left.Other.Add(e);
        return left;
    }

    public void Remove(KeyedEntry e)
    {
        var b = e.Bucket;
        if (b is null) return;
        b.Remove(e);
        if (_map is not null && b.Count == 0 && b.Other.Count == 0) _map.Remove(e.Key!);
    }

    private Bucket LeftBucket(object? key) =>
        _map is null ? _singleLeft : CollectionsMarshal.GetValueRefOrAddDefault(_map, key!, out _) ??= Bucket.NewPair();
}
