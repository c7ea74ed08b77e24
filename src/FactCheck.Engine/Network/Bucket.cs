namespace FactCheck.Engine.Network;

/// <summary>Entries sharing a join key on one side of a node, in insertion order (O(1) removal).</summary>
internal sealed class Bucket
{
    public KeyedEntry? Head;
    public KeyedEntry? Tail;
    public int Count;

    /// <summary>The same key's bucket on the other side.</summary>
    public Bucket Other = null!;

    /// <summary>A left bucket and its right bucket, linked to each other.</summary>
    public static Bucket NewPair()
    {
        var left = new Bucket();
        left.Other = new Bucket { Other = left };
        return left;
    }

    public void Add(KeyedEntry e)
    {
        e.Bucket = this;
        e.Prev = Tail;
        e.Next = null;
        if (Tail is null) Head = e; else Tail.Next = e;
        Tail = e;
        Count++;
    }

    public void Remove(KeyedEntry e)
    {
        if (e.Prev is null) Head = e.Next; else e.Prev.Next = e.Next;
        if (e.Next is null) Tail = e.Prev; else e.Next.Prev = e.Prev;
        e.Prev = e.Next = null;
        e.Bucket = null;
        Count--;
    }
}
