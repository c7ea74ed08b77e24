using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// The first pattern of top-level rule chains: its left input is the session's root alone and all its conditions are
/// alpha tests, so each fact just becomes one token, shared by every rule starting with the same alpha memory; no
/// memory is needed beyond the entry that finds the token again.
/// </summary>
internal sealed class RootJoinNode(Session session, RootJoinPlan plan) : BetaNode(session)
{
    private BetaToken? _root;
    private BetaNode[] _successors = [];

    public override void Link(BetaNode[] nodes)
    {
        _successors = new BetaNode[plan.Successors.Count];
        for (var i = 0; i < _successors.Length; i++) _successors[i] = nodes[plan.Successors[i].Id];
    }

    public override void LeftInsert(Token token) => _root = (BetaToken)token;

    public override void RightInsert(FactHandle handle)
    {
        var root = _root!;
        var token = new BetaToken(root, handle.Fact);
        if (handle.Entries is null && handle.Root is null) handle.Root = token;
        else handle.AddEntry(new OutEntry(this) { Out = token });
        foreach (var s in _successors)
        {
            if (token.Dead) break;
            s.LeftInsert(token);
        }
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
