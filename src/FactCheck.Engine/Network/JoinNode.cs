using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>Binds a new fact to each token it joins with (hash index on the equality keys, then the residual test).</summary>
internal sealed class JoinNode : BetaNode
{
    private readonly JoinPlan _plan;
    private readonly JoinSpec _j;
    private readonly JoinMemory _memory;

    public JoinNode(Session session, JoinPlan plan) : base(session)
    {
        _plan = plan;
        _j = plan.Spec;
        _memory = new JoinMemory(_j.LeftKey is not null);
    }

    public override void Link(BetaNode[] nodes) => Next = nodes[_plan.Next!.Id];

    public override void LeftInsert(Token input)
    {
        var token = (BetaToken)input;
        object? key = null;
        if (_j.LeftKey is not null && !S.TryLeftKey(_j, token, out key)) return;
        var le = new TokenEntry(this, token);
        token.AddEntry(le);
        var slot = _memory.AddLeft(le, key);
        for (var e = slot.RightHead; e is not null;)
        {
            var next = e.Next;
            var re = (RightEntry)e;
            if (_j.Residual is null || S.Test(_j, token, re.Fact)) Emit(token, re.Fact, re);
            e = next;
        }
    }

    public override void RightInsert(FactHandle handle)
    {
        object? key = null;
        if (_j.RightKey is not null && !S.TryRightKey(_j, handle.Fact, out key)) return;
        var re = new RightEntry(this, handle.Fact);
        handle.AddEntry(re);
        var slot = _memory.AddRight(re, key);
        for (var e = slot.LeftHead; e is not null;)
        {
            var next = e.Next;
            var token = ((TokenEntry)e).Token;
            if (_j.Residual is null || S.Test(_j, token, handle.Fact)) Emit(token, handle.Fact, re);
            e = next;
        }
    }

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        if (entry is RightEntry re)
        {
            _memory.Remove(re);
            var c = re.FirstChild;
            re.FirstChild = null;
            for (; c is not null; c = c.NextRight)
                if (!c.Dead) S.RetractToken(c);
        }
        else
        {
            _memory.Remove((KeyedEntry)entry);
        }
    }
}
