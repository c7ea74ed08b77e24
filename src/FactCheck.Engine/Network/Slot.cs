namespace FactCheck.Engine.Network;

/// <summary>
/// The entries sharing a join key in a two-input node: left and right, each in insertion order (O(1) removal).
/// One object per key for both sides, created with the key's first entry on either side.
/// </summary>
internal class Slot
{
    public KeyedEntry? LeftHead;
    public KeyedEntry? LeftTail;
    public KeyedEntry? RightHead;
    public KeyedEntry? RightTail;
    public int LeftCount;
    public int RightCount;

    public bool IsEmpty => LeftCount == 0 && RightCount == 0;

    public void Add(KeyedEntry e, bool right)
    {
        e.Slot = this;
        e.IsRight = right;
        e.Next = null;
        if (right)
        {
            e.Prev = RightTail;
            if (RightTail is null) RightHead = e; else RightTail.Next = e;
            RightTail = e;
            RightCount++;
        }
        else
        {
            e.Prev = LeftTail;
            if (LeftTail is null) LeftHead = e; else LeftTail.Next = e;
            LeftTail = e;
            LeftCount++;
        }
    }

    public void Remove(KeyedEntry e)
    {
        if (e.IsRight)
        {
            if (e.Prev is null) RightHead = e.Next; else e.Prev.Next = e.Next;
            if (e.Next is null) RightTail = e.Prev; else e.Next.Prev = e.Prev;
            RightCount--;
        }
        else
        {
            if (e.Prev is null) LeftHead = e.Next; else e.Prev.Next = e.Next;
            if (e.Next is null) LeftTail = e.Prev; else e.Next.Prev = e.Prev;
            LeftCount--;
        }
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
