using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// A session's instance of a beta node. Left input: tokens of the previous level; right input (joins, negations,
/// aggregates): facts from an alpha memory. Each node keeps its own memories, so the same fact reaching a node from
/// both sides is matched exactly once (by whichever activation comes second).
/// </summary>
internal abstract class BetaNode(Session session)
{
    protected readonly Session S = session;
    public BetaNode? Next;

    public abstract void LeftInsert(Token token);

    public virtual void RightInsert(FactHandle handle) =>
        throw new InvalidOperationException($"{GetType().Name} has no right input");

    /// <summary>Hint: <paramref name="token"/> will come to the left input soon (see <see cref="JoinMemory.PrefetchLeft"/>).</summary>
    public virtual void PrefetchLeft(Token token, int stage) { }

    /// <summary>Hint: <paramref name="fact"/> will come to the right input soon.</summary>
    public virtual void PrefetchRight(object fact, int stage) { }

    /// <summary>The owner of <paramref name="entry"/> (a token or a fact) is going away: undo what it caused here.</summary>
    public abstract void Forget(Entry entry);

    public virtual void Link(BetaNode[] nodes) { }

    /// <summary>Makes the token this node will receive (the terminal makes activations, so a match is one object).</summary>
    public virtual Token CreateToken(BetaToken parent, object? value) => new BetaToken(parent, value);

    /// <summary><see cref="Next"/> when it is a terminal: a match is then made and activated without virtual calls.</summary>
    private TerminalNode? _terminal;

    /// <summary>Called once every node of the session is linked.</summary>
    public void Linked() => _terminal = Next as TerminalNode;

    protected Token? Emit(BetaToken parent, object? value, RightEntry? owner)
    {
        if (parent.Dead) return null;
        S.CountPartialMatch(this);
        if (_terminal is { } terminal)
        {
            var a = new Activation(parent, value, terminal);
            parent.AddChild(a);
            owner?.AddChild(a);
            terminal.Activate(a);
            return a;
        }
        var child = Next!.CreateToken(parent, value);
        parent.AddChild(child);
        owner?.AddChild(child);
        Next!.LeftInsert(child);
        return child;
    }
}
