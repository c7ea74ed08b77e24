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
    public int LeftCount;
    public int RightCount;

    public bool IsEmpty => LeftCount == 0 && RightCount == 0;

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

        if (right) RightCount++; else LeftCount++;
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

        if (e.IsRight) RightCount--; else LeftCount--;
        e.Prev = e.Next = null;
        e.Slot = null;
    }
}

/// <summary>A keyed memory's slot: the join key is kept once per key rather than in every entry.</summary>
internal sealed class Slot<TKey>(TKey key, int hash) : Slot
{
    public readonly TKey Key = key;

    /// <summary>
    /// The key's hash: growing the table and walking a bucket need not hash the key again nor read a string key (a
    /// cache miss each at scale). Free for a 4-byte key, which leaves room for it in the object's padding.
    /// </summary>
    public readonly int Hash = hash;

    /// <summary>The next slot in the same bucket of <see cref="KeyedJoinMemory{TKey}"/>'s table.</summary>
    public Slot<TKey>? NextInBucket;
}
