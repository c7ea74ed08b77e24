namespace FactCheck.Engine.Network;

/// <summary>A membership of a token or fact in one node's memory; removing the owner forgets all its entries.</summary>
internal abstract class Entry(BetaNode node)
{
    public readonly BetaNode Node = node;
    public Entry? NextInOwner;
    public bool Dead;

    // Declared here because they fit in this class's padding (a derived class cannot use its base's padding).

    /// <summary>Keyed entries: on the right side of their slot.</summary>
    public bool IsRight;

    /// <summary><see cref="LeftEntry"/> of a subnet: results arriving while the entry is being set up must not emit.</summary>
    public bool Initializing;

    /// <summary>
    /// <see cref="LeftEntry"/>: matching right facts (not/exists/aggregates) or subnetwork results. A join's entries:
    /// the matches made with them that went to the agenda only (see <see cref="JoinNode"/>).
    /// </summary>
    public int Count;
}

/// <summary>An entry that sits in a key's slot of a node's memory.</summary>
internal abstract class KeyedEntry(BetaNode node) : Entry(node)
{
    public Slot? Slot;
    public KeyedEntry? Prev;
    public KeyedEntry? Next;
}
