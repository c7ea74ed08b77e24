using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// not / exists over one pattern: counts, per token, the facts that join with it, and emits a child token while the
/// count is zero (not) or positive (exists). Without a residual test the count is the number of the key's right entries;
/// with one, the passing (token, fact) pairs are remembered so that retraction never re-evaluates a condition.
/// </summary>
internal sealed class NegationNode : BetaNode
{
    private readonly NegationPlan _plan;
    private readonly JoinSpec _j;
    private readonly bool _exists;
    private readonly JoinMemory _memory;
    // Built with the first left token, as an aggregate's (see AggregateNode).
    private bool _built;
    private long _passedAt = -1;

    public NegationNode(Session session, NegationPlan plan) : base(session)
    {
        _plan = plan;
        _j = plan.Spec;
        _exists = plan.Exists;
        _memory = JoinMemory.Create(session, _j);
    }

    public override void Link(BetaNode[] nodes) => Next = nodes[_plan.Next!.Id];

    public override void PrefetchLeft(Token token, int stage) => _memory.PrefetchLeft(token, stage);

    public override void PrefetchRight(object fact, int stage)
    {
        if (_built) _memory.PrefetchRight(fact, stage);
    }

    public override void LeftInsert(Token input)
    {
        if (!_built)
        {
            _built = true;
            S.Replay(_j.Memory, _passedAt, h => Index(h, record: false));
        }
        var token = (BetaToken)input;
        var le = _j.Residual is null ? new LeftEntry(this, token) : new PairedLeftEntry(this, token);
        token.AddEntry(le);
        // A key that throws matches nothing (the condition counts as false), so the token is kept with a zero count.
        if (_memory.LeftSlot(token) is { } slot)
        {
            slot.Add(le, right: false);
            if (_j.Residual is null)
            {
                le.Count = slot.RightCount;
            }
            else
            {
                for (var e = slot.RightHead; e is not null; e = e.Next)
                {
                    var re = (PairedRightEntry)e;
                    if (!S.Test(_j, token, re.Fact)) continue;
                    new Pair((PairedLeftEntry)le, re).Link();
                    le.Count++;
                }
            }
        }
        if ((le.Count > 0) == _exists) le.Out = Emit(token, null, null);
    }

    public override void RightInsert(FactHandle handle)
    {
        if (_built)
        {
            Index(handle, record: true);
            return;
        }
        // A key that throws is recorded now, as the built memory would; the fact is indexed if a token ever comes.
        if (_memory.RightKeyValid(handle.Fact)) _passedAt = S.Propagation;
    }

    private void Index(FactHandle handle, bool record)
    {
        if (_memory.RightSlot(handle.Fact, record) is not { } slot) return;
        if (_j.Residual is null)
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
            if (S.Test(_j, le.Token, handle.Fact))
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
            _memory.Remove(le);
            if (le is PairedLeftEntry paired)
            {
                for (var p = paired.FirstPair; p is not null; p = p.LNext) p.UnlinkRight();
                paired.FirstPair = paired.LastPair = null;
            }
            return;
        }
        var right = (KeyedEntry)entry;
        var other = right.Slot;
        _memory.Remove(right);
        if (_j.Residual is null)
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
