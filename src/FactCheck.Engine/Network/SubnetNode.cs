using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// not / exists over a conjunction (or alternatives): each token is fed to sub-chains whose results are counted per
/// token by <see cref="CollectorNode"/>s; the node emits while the count is zero (not) or positive (exists).
/// </summary>
internal sealed class SubnetNode(Session session, SubnetPlan plan) : BetaNode(session)
{
    private BetaNode[] _heads = [];

    public override void Link(BetaNode[] nodes)
    {
        Next = nodes[plan.Next!.Id];
        _heads = new BetaNode[plan.Heads.Count];
        for (var i = 0; i < _heads.Length; i++) _heads[i] = nodes[plan.Heads[i].Id];
    }

    public override void LeftInsert(Token input)
    {
        var token = (BetaToken)input;
        var le = new LeftEntry(this, token) { Initializing = true };
        token.AddEntry(le);
        foreach (var h in _heads) h.LeftInsert(token);
        le.Initializing = false;
        if ((le.Count > 0) == plan.Exists) le.Out = Emit(token, null, null);
    }

    public void Changed(LeftEntry le)
    {
        if (le.Initializing || le.Dead || le.Token.Dead) return;
        var want = (le.Count > 0) == plan.Exists;
        if (want && le.Out is null)
        {
            le.Out = Emit(le.Token, null, null);
        }
        else if (!want && le.Out is { } o)
        {
            le.Out = null;
            S.RetractToken(o);
        }
    }

    public override void Forget(Entry entry) => entry.Dead = true;
}
