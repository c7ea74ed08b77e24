namespace FactCheck.Engine.Network;

/// <summary>A membership of a token or fact in one node's memory; removing the owner forgets all its entries.</summary>
internal abstract class Entry
{
    public readonly BetaNode Node;
    public Entry? NextInOwner;
    public Bucket? Bucket;
    public Entry? Prev;
    public Entry? Next;
    public object? Key;
    public bool Dead;

    protected Entry(BetaNode node) => Node = node;
}
