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

/// <summary>
/// A fact in an aggregate node's right memory (or a not/exists node's with a residual test, as a
/// <see cref="PairedRightEntry"/>). It keeps the fact's handle rather than the fact: the handle's place in insertion
/// order orders the aggregated facts, and the fact is one load further. No children list (these nodes emit per left
/// token, not per fact): 72 bytes instead of a join's right entry's 88, and each aggregate over a fact type holds one
/// per fact (a 100,000-claim check: 1.8 million).
/// </summary>
internal class CountedRightEntry(BetaNode node, FactHandle handle) : KeyedEntry(node)
{
    public readonly FactHandle Handle = handle;

    public object Fact => Handle.Fact;
}

/// <summary>An aggregate's right entry with the selector's value, computed once when the fact entered.</summary>
internal class ValuedRightEntry(BetaNode node, FactHandle handle, object? selected) : CountedRightEntry(node, handle)
{
    public readonly object? Selected = selected;
}

/// <summary>A right entry of a node with a residual test: the (token, fact) pairs that passed it.</summary>
internal sealed class PairedRightEntry(BetaNode node, FactHandle handle, object? selected) : ValuedRightEntry(node, handle, selected)
{
    public Pair? FirstPair;
}

/// <summary>
/// A fact in the right memory of a not/exists node without a residual test: only its membership of the key's slot counts
/// (64 bytes instead of a counted entry's 112; one per fact of a `not` pattern, such as every attribution).
/// </summary>
internal sealed class MemberEntry(BetaNode node) : KeyedEntry(node);
