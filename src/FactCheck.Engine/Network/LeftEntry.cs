namespace FactCheck.Engine.Network;

/// <summary>A token in a node's left memory, with the node's per-token state.</summary>
internal sealed class LeftEntry(BetaNode node, Token token) : Entry(node)
{
    public readonly Token Token = token;

    /// <summary>Matching right facts (not/exists/aggregates) or subnetwork results.</summary>
    public int Count;

    /// <summary>The token emitted for this entry (not/exists/subnet/scalar aggregate).</summary>
    public Token? Out;

    public Pair? FirstPair;
    public Pair? LastPair;

    /// <summary>Subnet: results arriving while the entry is being set up must not emit.</summary>
    public bool Initializing;

    /// <summary>Aggregates: queued for recomputation.</summary>
    public bool Dirty;
    public long LongSum;
    public decimal DecimalSum;
    public object? Result;
    public List<(object Key, Token Out, object?[] Items)>? Groups;
}
