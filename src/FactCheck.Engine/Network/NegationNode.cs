using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// not / exists over one pattern: counts, per token, the facts that join with it, and emits a child token while the
/// count is zero (not) or positive (exists). Without a residual test the count is the number of the key's right entries;
/// with one, the passing (token, fact) pairs are remembered so that retraction never re-evaluates a condition.
/// </summary>
internal sealed class NegationNode : RightMemoryNode
{
    private readonly NegationPlan _plan;
    private readonly bool _exists;

    public NegationNode(Session session, NegationPlan plan) : base(session, plan.Spec)
    {
        _plan = plan;
        _exists = plan.Exists;
    }

    public override void Link(BetaNode[] nodes) => Next = nodes[_plan.Next!.Id];

    public override void LeftInsert(Token input)
    {
        EnsureBuilt();
        var token = (BetaToken)input;
        var le = J.Residual is null ? new LeftEntry(this, token) : new PairedLeftEntry(this, token);
        token.AddEntry(le);
        // A key that throws matches nothing (the condition counts as false), so the token is kept with a zero count.
        if (Memory.LeftSlot(token) is { } slot)
        {
            slot.Add(le, right: false);
            if (J.Residual is null)
            {
                le.Count = slot.RightCount;
            }
            else
            {
                for (var e = slot.RightHead; e is not null; e = e.Next)
                {
                    var re = (PairedRightEntry)e;
                    if (!S.Test(J, token, re.Fact)) continue;
                    new Pair((PairedLeftEntry)le, re).Link();
                    le.Count++;
                }
            }
        }
        if ((le.Count > 0) == _exists) le.Out = Emit(token, null, null);
    }

    protected override void Index(FactHandle handle, bool record)
    {
        if (Memory.RightSlot(handle.Fact, record) is not { } slot) return;
        if (J.Residual is null)
        {
            var member = new MemberEntry(this);
            handle.AddEntry(member);
            slot.Add(member, right: true);
            for (var e = slot.LeftHead; e is not null;)
            {
                var next = e.Next;
                var le = (LeftEntry)e;
                if (++le.Count == 1) Switch(le);
                e = next;
            }
            return;
        }
        var re = new PairedRightEntry(this, handle, null);
        handle.AddEntry(re);
        slot.Add(re, right: true);
        for (var e = slot.LeftHead; e is not null;)
        {
            var next = e.Next;
            var le = (LeftEntry)e;
            if (S.Test(J, le.Token, handle.Fact))
            {
                new Pair((PairedLeftEntry)le, re).Link();
                if (++le.Count == 1) Switch(le);
            }
            e = next;
        }
    }

    /// <summary>Emits or retracts the output to agree with the count (nothing when it already agrees).</summary>
    public void Switch(LeftEntry le)
    {
        if (le.Dead || le.Token.Dead) return;
        var want = (le.Count > 0) == _exists;
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

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        if (entry is LeftEntry le)
        {
            Memory.Remove(le);
            if (le is PairedLeftEntry paired)
            {
                for (var p = paired.FirstPair; p is not null; p = p.LNext) p.UnlinkRight();
                paired.FirstPair = paired.LastPair = null;
            }
            return;
        }
        var right = (KeyedEntry)entry;
        var other = right.Slot;
        Memory.Remove(right);
        if (J.Residual is null)
        {
            if (other is null) return;
            for (var e = other.LeftHead; e is not null;)
            {
                var next = e.Next;
                var l = (LeftEntry)e;
                if (--l.Count == 0 && !S.DeferSwitch(l)) Switch(l);
                e = next;
            }
        }
        else
        {
            var re = (PairedRightEntry)right;
            for (var p = re.FirstPair; p is not null;)
            {
                var next = p.RNext;
                p.UnlinkLeft();
                if (--p.Left.Count == 0 && !p.Left.Dead && !S.DeferSwitch(p.Left)) Switch(p.Left);
                p = next;
            }
            re.FirstPair = null;
        }
    }
}
