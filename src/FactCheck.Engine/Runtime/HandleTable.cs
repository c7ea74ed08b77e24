using System.Runtime.CompilerServices;
using FactCheck.Engine.Network;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// The session's facts, by reference, to their handles. The handles are the hash table's chain nodes: 8 bytes per
/// fact instead of a dictionary entry (24) and no entries array, which for a million facts is a 36 MB large-object
/// allocation. Up to two handles per bucket on average: lookups are rare next to propagation (insert, update, retract).
/// </summary>
internal sealed class HandleTable
{
    private PagedArray<FactHandle> _buckets = new(16);
    private int _shift = 32 - 4;

    public int Count { get; private set; }

    public FactHandle? Find(object fact)
    {
        for (var h = _buckets[Bucket(fact)]; h is not null; h = h.NextInBucket)
            if (ReferenceEquals(h.Fact, fact)) return h;
        return null;
    }

    /// <summary>Prefetches the bucket of a fact that will be added soon (InsertAll's facts are known in advance).</summary>
    public void PrefetchBucket(object fact) => Prefetch.Slot(ref _buckets[Bucket(fact)]);

    /// <summary>Prefetches the first handle in a fact's bucket, whose slot was prefetched a few facts earlier.</summary>
    public void PrefetchChain(object fact) => Prefetch.Object(_buckets[Bucket(fact)]);

    /// <summary>Adds the handle unless its fact is already in the table.</summary>
    public bool TryAdd(FactHandle handle)
    {
        ref var head = ref _buckets[Bucket(handle.Fact)];
        for (var h = head; h is not null; h = h.NextInBucket)
            if (ReferenceEquals(h.Fact, handle.Fact)) return false;
        handle.NextInBucket = head;
        head = handle;
        if (++Count > 2 * _buckets.Length) Resize(_buckets.Length * 2);
        return true;
    }

    public void Remove(FactHandle handle)
    {
        ref var link = ref _buckets[Bucket(handle.Fact)];
        while (link != handle) link = ref link!.NextInBucket;
        link = handle.NextInBucket;
        handle.NextInBucket = null;
        Count--;
    }

    /// <summary>Grows the table once for <paramref name="count"/> facts (InsertAll knows how many are coming).</summary>
    public void EnsureCapacity(int count)
    {
        var size = _buckets.Length;
        while (2 * size < count) size *= 2;
        if (size > _buckets.Length) Resize(size);
    }

    /// <summary>Fibonacci hashing of the identity hash code (its top bits).</summary>
    private int Bucket(object fact) => (int)((uint)RuntimeHelpers.GetHashCode(fact) * 2654435769u >> _shift);

    private void Resize(int size)
    {
        var old = _buckets;
        _buckets = new PagedArray<FactHandle>(size);
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < old.Length; i++)
        {
            for (var h = old[i]; h is not null;)
            {
                var next = h.NextInBucket;
                ref var head = ref _buckets[Bucket(h.Fact)];
                h.NextInBucket = head;
                head = h;
                h = next;
            }
        }
    }
}
