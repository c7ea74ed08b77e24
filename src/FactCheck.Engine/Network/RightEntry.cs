namespace FactCheck.Engine.Network;

/// <summary>A fact in a node's right memory.</summary>
internal sealed class RightEntry(BetaNode node, FactHandle handle) : KeyedEntry(node)
{
    public readonly FactHandle Handle = handle;

    /// <summary>Join outputs made with this fact.</summary>
    public Token? FirstChild;

    public Pair? FirstPair;

    /// <summary>Aggregates: the selector's value, computed once when the fact entered.</summary>
    public object? Selected;
}
