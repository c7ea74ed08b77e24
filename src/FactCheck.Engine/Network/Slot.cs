namespace FactCheck.Engine.Network;

/// <summary>
/// The entries sharing a join key in a two-input node: left and right, each in insertion order (O(1) removal).
/// One object per key for both sides, created with the key's first entry on either side.
/// </summary>
internal class Slot
{
    // Each side is doubly linked in insertion order, without a tail field: the head's Prev is the tail (16 bytes less
    // per key; a million-fact join memory has a slot per key).
    public KeyedEntry? LeftHead;
    public KeyedEntry? RightHead;

    /// <summary>The right side's length (a not/exists without residual test counts it); the left side's is not needed.</summary>
    public int RightCount;

    /// <summary>
    /// <see cref="Slot{TKey}"/>: the key's hash, declared here to fill this class's padding (a derived class cannot use
    /// it): 56 bytes per string-keyed slot instead of 64, and a 100,000-claim check makes 1.3 million slots.
    /// </summary>
    public int Hash;

    public bool IsEmpty => LeftHead is null && RightCount == 0;

    public void Add(KeyedEntry e, bool right)
    {
        e.Slot = this;
        e.IsRight = right;
        e.Next = null;
        ref var head = ref right ? ref RightHead : ref LeftHead;
        if (head is null)
        {
            head = e;
            e.Prev = e;
        }
        else
        {
            var tail = head.Prev!;
            tail.Next = e;
            e.Prev = tail;
            head.Prev = e;
        }

        if (right) RightCount++;
    }

    public void Remove(KeyedEntry e)
    {
        ref var head = ref e.IsRight ? ref RightHead : ref LeftHead;
        if (e == head)
        {
            head = e.Next;
            if (head is not null) head.Prev = e.Prev;
        }
        else
        {
            e.Prev!.Next = e.Next;
            if (e.Next is not null) e.Next.Prev = e.Prev;
            else head!.Prev = e.Prev;
        }

        if (e.IsRight) RightCount--;
        e.Prev = e.Next = null;
        e.Slot = null;
    }
}

/// <summary>A keyed memory's slot: the join key is kept once per key rather than in every entry.</summary>
/// <remarks>
/// It keeps the key's hash (<see cref="Slot.Hash"/>): growing the table and walking a bucket need not hash the key again
/// nor read a string key (a cache miss each at scale).
/// </remarks>
internal sealed class Slot<TKey> : Slot
{
    public readonly TKey Key;

    public Slot(TKey key, int hash)
    {
        Key = key;
        Hash = hash;
    }

    /// <summary>The next slot in the same bucket of <see cref="KeyedJoinMemory{TKey}"/>'s table.</summary>
    public Slot<TKey>? NextInBucket;
}
