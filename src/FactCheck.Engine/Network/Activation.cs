namespace FactCheck.Engine.Network;

/// <summary>A complete match of one rule alternative: on the agenda until it fires or its match stops holding.</summary>
internal sealed class Activation(TerminalNode node, Token token) : Entry(node)
{
    public TerminalNode Terminal => (TerminalNode)Node;

    public readonly Token Token = token;
    public long Seq;
    public bool InAgenda;
    public Activation? AgendaPrev;
    public Activation? AgendaNext;

    /// <summary>Facts this activation inserted with InsertLinked.</summary>
    public List<FactHandle>? Linked;
}
