namespace FactCheck.Engine.Network;

/// <summary>
/// A partial match: a chain of tokens from the session's root, one per level of a rule's chain. Each token is linked
/// to its parent (left) and to the right entry that produced it, so that removing a token or a fact touches only what
/// was derived from it. Tokens that feed further nodes are <see cref="BetaToken"/>s; a chain's last token is the
/// <see cref="Activation"/> itself.
/// </summary>
internal abstract class Token(BetaToken? parent, object? value)
{
    public readonly BetaToken? Parent = parent;
    public readonly object? Value = value;

    public Token? PrevSibling;
    public Token? NextSibling;

    public RightEntry? RightOwner;
    public Token? PrevRight;
    public Token? NextRight;

    public bool Dead;

    // Activation state, declared here because it fits in the base's padding (8 bytes less per match).
    public bool InAgenda;
    public bool Activated;
    public bool Wrapper;

    /// <summary>
    /// Activations: the id of the terminal node that made it (an int in the padding, not an 8-byte reference).
    /// Root-join tokens: <see cref="Detached"/>.
    /// </summary>
    public int TerminalId;

    /// <summary>
    /// Marks a token its parent does not list among its children: the one token per fact made by a root join, found
    /// through the fact's entry instead. Listing them would chain every fact's token into one list as long as the
    /// session, which the garbage collector marks slowly.
    /// </summary>
    public const int Detached = -1;
}

/// <summary>A token inside the network: it has children and sits in node memories.</summary>
internal sealed class BetaToken(BetaToken? parent, object? value) : Token(parent, value)
{
    public Token? FirstChild;

    /// <summary>The memories this token sits in (entries of the nodes that consumed it).</summary>
    public Entry? Entries;

    public void AddEntry(Entry entry)
    {
        entry.NextInOwner = Entries;
        Entries = entry;
    }
}
