namespace FactCheck.Engine.Network;

/// <summary>A fact in a join's right memory.</summary>
internal class RightEntry(BetaNode node, FactHandle handle) : KeyedEntry(node)
{
    public readonly FactHandle Handle = handle;

    /// <summary>The fact itself, kept here to save a dependent memory load in join loops.</summary>
    public readonly object Fact = handle.Fact;

    /// <summary>Join outputs made with this fact.</summary>
    public Token? FirstChild;
}

/// <summary>A fact in a not/exists/aggregate node's right memory.</summary>
internal sealed class CountedRightEntry(BetaNode node, FactHandle handle) : RightEntry(node, handle)
{
    public Pair? FirstPair;

    /// <summary>Aggregates: the selector's value, computed once when the fact entered.</summary>
    public object? Selected;
}
