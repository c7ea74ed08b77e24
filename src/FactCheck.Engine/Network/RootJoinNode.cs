using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// The first pattern of a rule: its left input is the session's root alone and all its conditions are alpha tests,
/// so each fact just becomes a token; no memory is needed beyond the entry that finds the token again.
/// </summary>
internal sealed class RootJoinNode(Session session, RootJoinPlan plan) : BetaNode(session)
{
    private BetaToken? _root;

    public override void Link(BetaNode[] nodes) => Next = nodes[plan.Next!.Id];

    public override void LeftInsert(Token token) => _root = (BetaToken)token;

    public override void RightInsert(FactHandle handle)
    {
        var entry = new OutEntry(this);
        handle.AddEntry(entry);
        entry.Out = Emit(_root!, handle.Fact, null);
    }

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        if (((OutEntry)entry).Out is { } o) S.RetractToken(o);
    }
}

/// <summary>A fact's membership in a <see cref="RootJoinNode"/>: the token it made.</summary>
internal sealed class OutEntry(BetaNode node) : Entry(node)
{
    public Token? Out;
}
