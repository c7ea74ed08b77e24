namespace FactCheck.Engine.Network;

/// <summary>A fact in a join's right memory.</summary>
internal class RightEntry(BetaNode node, object fact) : KeyedEntry(node)
{
    public readonly object Fact = fact;

    /// <summary>Join outputs made with this fact, newest first (dead ones included until compaction, see <see cref="Token"/>).</summary>
    public Token? FirstChild;

    /// <summary>Length of the children list, dead ones included, and the length that triggers its compaction.</summary>
    public int ChildCount;
    public int CompactAt;

    public void AddChild(Token child)
    {
        child.NextRight = FirstChild;
        FirstChild = child;
        if (++ChildCount <= CompactAt + ChildList.Slack) return;
        ChildCount = ChildList.CompactRight(ref FirstChild);
        CompactAt = 2 * ChildCount;
    }
}

/// <summary>A fact in a not/exists/aggregate node's right memory.</summary>
internal sealed class CountedRightEntry(BetaNode node, object fact) : RightEntry(node, fact)
{
    public Pair? FirstPair;

    /// <summary>Aggregates: the selector's value, computed once when the fact entered.</summary>
    public object? Selected;

    /// <summary>Aggregates: the fact's handle, whose place in insertion order orders the aggregated facts.</summary>
    public FactHandle? Handle;
}

/// <summary>
/// A fact in the right memory of a not/exists node without a residual test: only its membership of the key's slot counts
/// (64 bytes instead of a counted entry's 112; one per fact of a `not` pattern, such as every attribution).
/// </summary>
internal sealed class MemberEntry(BetaNode node) : KeyedEntry(node);
