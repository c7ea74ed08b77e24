namespace FactCheck.Engine.Network;

/// <summary>
/// A partial match: a chain of tokens from the session's root, one per level of a rule's chain. Children are linked to
/// their parent (left) and to the right entry that produced them, so that removing a token or a fact touches only what
/// was derived from it.
/// </summary>
internal class Token
{
    public readonly Token? Parent;
    public readonly object? Value;

    public Token? FirstChild;
    public Token? PrevSibling;
    public Token? NextSibling;

    public RightEntry? RightOwner;
    public Token? PrevRight;
    public Token? NextRight;

    /// <summary>The memories this token sits in (entries of the nodes that consumed it).</summary>
    public Entry? Entries;

    public bool Dead;

    public Token(Token? parent, object? value)
    {
        Parent = parent;
        Value = value;
    }

    public void AddEntry(Entry entry)
    {
        entry.NextInOwner = Entries;
        Entries = entry;
    }
}
