namespace FactCheck.Engine.Network;

/// <summary>
/// A partial match: a chain of tokens from the session's root, one per level of a rule's chain. Each token is linked
/// to its parent (left) and, for join outputs, listed under the right entry that produced it, so that removing a token
/// or a fact touches only what was derived from it. Tokens that feed further nodes are <see cref="BetaToken"/>s; a
/// chain's last token is the <see cref="Activation"/> itself.
/// </summary>
/// <remarks>
/// Both lists a token sits in (its parent's children, its right entry's children) are singly linked with lazy
/// deletion: a token retracted on its own is only flagged <see cref="Dead"/> and skipped; a parent's list drops its
/// dead tokens when they outnumber the live ones, a right entry's when it has grown to twice its live length since it
/// was last compacted (<see cref="ChildList"/>). This saves
/// three links per token (a third of an activation) against doubly linked lists, with the same iteration order.
/// </remarks>
internal abstract class Token(BetaToken? parent, object? value)
{
    /// <summary>Set once, but for the session's scratch activation (see <see cref="Runtime.Session"/>'s firing).</summary>
    public BetaToken? Parent = parent;

    /// <summary>The fact or result bound at this level (set once, but for <see cref="RootJoinNode"/>'s prefetch scratch token).</summary>
    public object? Value = value;

    /// <summary>The next (older) token in the parent's list of children.</summary>
    public Token? NextSibling;

    /// <summary>The next (older) token in the list of the right entry that produced this one.</summary>
    public Token? NextRight;

    public bool Dead;

    // Activation state, declared here because it fits in the base's padding (8 bytes less per match).
    public bool InAgenda;
    public bool Activated;
    public bool Wrapper;

    /// <summary>Activations: the id of the terminal node that made it (an int in the padding, not an 8-byte reference).</summary>
    public int TerminalId;
}

/// <summary>A token inside the network: it has children and sits in node memories.</summary>
internal sealed class BetaToken(BetaToken? parent, object? value) : Token(parent, value)
{
    /// <summary>The newest child; older ones follow through <see cref="Token.NextSibling"/> (dead ones included).</summary>
    public Token? FirstChild;

    /// <summary>The memories this token sits in (entries of the nodes that consumed it).</summary>
    public Entry? Entries;

    /// <summary>Length of the children list, dead ones included.</summary>
    public int ChildCount;

    /// <summary>
    /// Children retracted since the list was last compacted (a dying token tells its parent): the list is walked only
    /// when they outnumber the live ones, not every time it doubles (a million-claim join walked 5 million live
    /// activations for nothing).
    /// </summary>
    public int DeadChildren;

    public void AddEntry(Entry entry)
    {
        entry.NextInOwner = Entries;
        Entries = entry;
    }

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        FirstChild = child;
        ++ChildCount;
        if (DeadChildren <= ChildCount - DeadChildren + ChildList.Slack) return;
        ChildCount = ChildList.CompactSiblings(ref FirstChild);
        DeadChildren = 0;
    }
}
