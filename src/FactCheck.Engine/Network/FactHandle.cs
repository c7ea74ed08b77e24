namespace FactCheck.Engine.Network;

/// <summary>A fact in the session: its node memberships, its place in insertion order and its truth-maintenance link.</summary>
internal sealed class FactHandle(object fact)
{
    public readonly object Fact = fact;
    public Entry? Entries;

    /// <summary>
    /// The fact's token (session root, fact), made by the first root join it enters and shared by all of them;
    /// retracted after the fact's memberships are forgotten.
    /// </summary>
    public BetaToken? Root;

    /// <summary>The handle's slot in the session's insertion-order array.</summary>
    public int Index;

    public bool Dead;

    /// <summary>
    /// Inserted with InsertLinked, and the link holds: the session knows the activation (a flag in the padding rather
    /// than an 8-byte reference in every handle, for the few facts that are linked).
    /// </summary>
    public bool Linked;

    /// <summary>The next handle in the same bucket of the session's <see cref="Runtime.HandleTable"/>.</summary>
    public FactHandle? NextInBucket;

    public void AddEntry(Entry entry)
    {
        entry.NextInOwner = Entries;
        Entries = entry;
    }
}
