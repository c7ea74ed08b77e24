namespace FactCheck.Engine.Network;

/// <summary>A membership of a token or fact in one node's memory; removing the owner forgets all its entries.</summary>
internal abstract class Entry(BetaNode node)
{
    public readonly BetaNode Node = node;
    public Entry? NextInOwner;
    public bool Dead;

    /// <summary>Keyed entries: on the right side of their slot (declared here, where it fits in padding).</summary>
    public bool IsRight;
}

/// <summary>An entry that sits in a key's slot of a node's memory.</summary>
internal abstract class KeyedEntry(BetaNode node) : Entry(node)
{
    public Slot? Slot;
    public KeyedEntry? Prev;
    public KeyedEntry? Next;
}
