namespace FactCheck.Engine.Network;

/// <summary>
/// A complete match of one rule alternative: the last token of its chain, made by the terminal node itself (one object
/// per match). On the agenda until it fires or its match stops holding.
/// </summary>
internal sealed class Activation : Token
{
    public Activation(BetaToken? parent, object? value, TerminalNode terminal) : this(parent, value, terminal.Id) { }

    public Activation(BetaToken? parent, object? value, int terminalId) : base(parent, value) => TerminalId = terminalId;

    // Flags (in Token): InAgenda; Activated = reached the terminal (a token made for the terminal may have been stopped
    // by a filter before it); Wrapper = made by the terminal around a token it did not create, so values start at the parent.
}
