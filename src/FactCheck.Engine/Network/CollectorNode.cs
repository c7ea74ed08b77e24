using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>End of a sub-chain: counts each result for the subnet token it extends.</summary>
internal sealed class CollectorNode(Session session, CollectorPlan plan) : BetaNode(session)
{
    private SubnetNode _owner = null!;

    /// <summary>The subnet node whose results this node counts.</summary>
    public SubnetNode Owner => _owner;

    public override void Link(BetaNode[] nodes) => _owner = (SubnetNode)nodes[plan.Owner.Id];

    public override void LeftInsert(Token token)
    {
        var result = (BetaToken)token;
        var ancestor = result;
        for (var i = 0; i < plan.Hops; i++) ancestor = ancestor.Parent!;
        LeftEntry? target = null;
        for (var e = ancestor.Entries; e is not null; e = e.NextInOwner)
        {
            if (e.Node == _owner)
            {
                target = (LeftEntry)e;
                break;
            }
        }
        if (target is null || target.Dead) return;
        result.AddEntry(new CollectorEntry(this, target));
        if (++target.Count == 1) _owner.Changed(target);
    }

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        var target = ((CollectorEntry)entry).Target;
        if (target.Dead) return;
        if (--target.Count == 0 && !S.DeferSwitch(target)) _owner.Changed(target);
    }
}
