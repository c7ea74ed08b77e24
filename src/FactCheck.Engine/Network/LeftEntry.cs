namespace FactCheck.Engine.Network;

/// <summary>A token in a join's left memory.</summary>
internal class TokenEntry(BetaNode node, BetaToken token) : KeyedEntry(node)
{
    public readonly BetaToken Token = token;
}

/// <summary>A token in a node's left memory, with the per-token state of not/exists/subnet nodes.</summary>
internal class LeftEntry(BetaNode node, BetaToken token) : TokenEntry(node, token)
{
    /// <summary>Matching right facts (not/exists/aggregates) or subnetwork results.</summary>
    public int Count;

    /// <summary>Subnet: results arriving while the entry is being set up must not emit.</summary>
    public bool Initializing;

    /// <summary>The token emitted for this entry (not/exists/subnet/scalar aggregate).</summary>
    public Token? Out;

    public Pair? FirstPair;
    public Pair? LastPair;
}

/// <summary>A token in an aggregate node, with its running aggregate.</summary>
internal sealed class AggregateEntry(BetaNode node, BetaToken token) : LeftEntry(node, token)
{
    /// <summary>Queued for recomputation.</summary>
    public bool Dirty;
    public long LongSum;
    public decimal DecimalSum;
    public object? Result;
    public List<(object Key, Token Out, object?[] Items)>? Groups;
}
