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
        _memory = JoinMemory.Create(session, _j);
    }

    public override void Link(BetaNode[] nodes) => Next = nodes[_plan.Next!.Id];

    public override void PrefetchLeft(Token token, int stage) => _memory.PrefetchLeft(token, stage);

    public override void PrefetchRight(object fact, int stage) => _memory.PrefetchRight(fact, stage);

    public override void LeftInsert(Token input)
    {
        var token = (BetaToken)input;
        if (_memory.LeftSlot(token) is not { } slot) return;
        var le = new TokenEntry(this, token);
        token.AddEntry(le);
        slot.Add(le, right: false);
        for (var e = slot.RightHead; e is not null;)
        {
            // The entries of a key sit wherever they were allocated: ask for the next one while this one is joined.
            var next = e.Next;
            Prefetch.Object(next);
            var re = (RightEntry)e;
            if (_j.Residual is null || S.Test(_j, token, re.Fact)) Emit(token, re.Fact, re);
            e = next;
        }
    }

    public override void RightInsert(FactHandle handle)
    {
        if (_memory.RightSlot(handle.Fact) is not { } slot) return;
        var re = new RightEntry(this, handle.Fact);
        handle.AddEntry(re);
        slot.Add(re, right: true);
        for (var e = slot.LeftHead; e is not null;)
        {
            var next = e.Next;
            Prefetch.Object(next);
            var token = ((TokenEntry)e).Token;
            Prefetch.Object(token);
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
