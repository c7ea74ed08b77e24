using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// The first pattern of top-level rule chains: its left input is the session's root alone and all its conditions are
/// alpha tests, so a fact just becomes a token. That token (root, fact) is the same whichever alpha memory the fact
/// came through, so a fact has one, kept in its handle and shared by every root join it enters: no memory and no
/// membership entry here, and one token per fact rather than one per root join.
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

    public override void LeftInsert(Token token)
    {
        _root = (BetaToken)token;
        _scratch = new BetaToken(_root, null);
    }

    /// <summary>A token standing for a fact's future token, for its successors' prefetch hints (no allocation per fact).</summary>
    private BetaToken? _scratch;

    public override void PrefetchRight(object fact, int stage)
    {
        if (_scratch is not { } scratch) return;
        scratch.Value = fact;
        foreach (var s in _successors) s.PrefetchLeft(scratch, stage);
        scratch.Value = null;
    }

    public override void RightInsert(FactHandle handle)
    {
        var token = handle.Root ??= new BetaToken(_root!, handle.Fact);
        foreach (var s in _successors)
        {
            if (token.Dead) break;
            s.LeftInsert(token);
        }
    }

    public override void Forget(Entry entry) => throw new InvalidOperationException("a root join keeps no entries (the fact's token is retracted with it)");
}
