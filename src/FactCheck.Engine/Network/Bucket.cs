namespace FactCheck.Engine.Network;

/// <summary>Entries sharing a join key, in insertion order (O(1) removal).</summary>
internal sealed class Bucket
{
    public KeyedEntry? Head;
    public KeyedEntry? Tail;
    public int Count;

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
