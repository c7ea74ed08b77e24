using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// Aggregates, per token, the facts joining with it. Changes only mark the token dirty; the session recomputes dirty
/// tokens once at the end of the operation (so inserting many facts re-emits each result once), and re-emits a result
/// only when it changed. Count and exact sums are maintained incrementally; min, max, collect, group-by and floating
/// sums are recomputed from the token's matching facts (in insertion order, or <see cref="SessionOptions.AggregateOrder"/>).
/// </summary>
/// <remarks>
/// Its right memory is built with the first token (<see cref="RightMemoryNode"/>): many of a rule pack's aggregates
/// and negations never see a token (on 100,000 generated claims, eight of them would each keep an entry and a slot for
/// 100,000–200,000 facts no token ever asks for). A selector that throws before then is recorded as the built memory would.
/// </remarks>
internal sealed class AggregateNode : RightMemoryNode
{
    private readonly AggregatePlan _plan;

    public AggregateNode(Session session, AggregatePlan plan) : base(session, plan.Spec)
    {
        _plan = plan;
    }

    public override void Link(BetaNode[] nodes) => Next = nodes[_plan.Next!.Id];

    public override void LeftInsert(Token input)
    {
        EnsureBuilt();
        var token = (BetaToken)input;
        var le = new AggregateEntry(this, token);
        token.AddEntry(le);
        if (Memory.LeftSlot(token) is { } slot)
        {
            slot.Add(le, right: false);
            for (var e = slot.RightHead; e is not null; e = e.Next)
            {
                var re = (CountedRightEntry)e;
                if (J.Residual is not null)
                {
                    if (!S.Test(J, token, re.Fact)) continue;
                    new Pair(le, (PairedRightEntry)re).Link();
                }
                Add(le, re, 1);
            }
        }
        MarkDirty(le);
    }

    protected override bool PassesUnindexed(object fact) =>
        Memory.RightKeyValid(fact) && (_plan.Selector is null || S.TrySelect(_plan, fact, out _));

    protected override void Index(FactHandle handle, bool record)
    {
        if (Memory.RightSlot(handle.Fact, record) is not { } slot) return;
        object? selected = null;
        if (_plan.Selector is not null && !S.TrySelect(_plan, handle.Fact, out selected, record))
        {
            // The key's slot may have been made for this fact alone.
            if (slot.IsEmpty) Memory.Release(slot);
            return;
        }
        // The smallest entry that holds what this node needs (see CountedRightEntry).
        var re = J.Residual is not null ? new PairedRightEntry(this, handle, selected)
            : _plan.Selector is not null ? new ValuedRightEntry(this, handle, selected)
            : new CountedRightEntry(this, handle);
        handle.AddEntry(re);
        slot.Add(re, right: true);
        for (var e = slot.LeftHead; e is not null; e = e.Next)
        {
            var le = (AggregateEntry)e;
            if (J.Residual is not null)
            {
                if (!S.Test(J, le.Token, handle.Fact)) continue;
                new Pair(le, (PairedRightEntry)re).Link();
            }
            Add(le, re, 1);
            MarkDirty(le);
        }
    }

    public override void Forget(Entry entry)
    {
        entry.Dead = true;
        if (entry is AggregateEntry le)
        {
            Memory.Remove(le);
            for (var p = le.FirstPair; p is not null; p = p.LNext) p.UnlinkRight();
            le.FirstPair = le.LastPair = null;
            return;
        }
        var re = (CountedRightEntry)entry;
        var other = re.Slot;
        Memory.Remove(re);
        if (J.Residual is null)
        {
            if (other is null) return;
            for (var e = other.LeftHead; e is not null; e = e.Next)
            {
                var l = (LeftEntry)e;
                Add(l, re, -1);
                MarkDirty(l);
            }
        }
        else
        {
            var paired = (PairedRightEntry)re;
            for (var p = paired.FirstPair; p is not null; p = p.RNext)
            {
                p.UnlinkLeft();
                Add(p.Left, re, -1);
                MarkDirty(p.Left);
            }
            paired.FirstPair = null;
        }
    }

    private void Add(LeftEntry entry, CountedRightEntry re, int sign)
    {
        var le = (AggregateEntry)entry;
        le.Count += sign;
        switch (_plan.SumKind)
        {
            case SumKind.Int: le.LongSum += sign * (long)(int)Selected(re)!; break;
            case SumKind.Long: le.LongSum += sign * (long)Selected(re)!; break;
            case SumKind.Decimal: le.DecimalSum += sign * (decimal)Selected(re)!; break;
        }
    }

    /// <summary>The selector's value of a fact (a node with a selector makes <see cref="ValuedRightEntry"/>s).</summary>
    private static object? Selected(CountedRightEntry re) => ((ValuedRightEntry)re).Selected;

    private void MarkDirty(LeftEntry entry)
    {
        var le = (AggregateEntry)entry;
        if (le.Dirty) return;
        le.Dirty = true;
        S.EnqueueDirty(this, le);
    }

    /// <summary>The token's matching facts' entries, in insertion order.</summary>
    private List<CountedRightEntry> Matching(AggregateEntry le)
    {
        var list = new List<CountedRightEntry>(le.Count);
        if (J.Residual is null)
        {
            if (le.Slot is null) return list;
            for (var e = le.Slot.RightHead; e is not null; e = e.Next) list.Add((CountedRightEntry)e);
        }
        else
        {
            for (var p = le.FirstPair; p is not null; p = p.LNext) list.Add(p.Right);
        }
        if (S.AggregateOrder is { } order && list.Count > 1)
        {
            // The caller's order, ties by insertion order (List.Sort is not stable).
            try
            {
                list.Sort((a, b) => order.Compare(a.Fact, b.Fact) is var c and not 0 ? c : a.Handle.Index.CompareTo(b.Handle.Index));
                return list;
            }
            catch (InvalidOperationException ex)
            {
                S.RecordOrderError(_plan, le.Token, ex.InnerException ?? ex);
            }
        }
        // Entries are appended as facts arrive, so an updated fact (retracted, then re-inserted) comes last: its place
        // in the session's insertion order, which an update keeps, puts it back (else the result looks changed).
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i - 1].Handle.Index > list[i].Handle.Index)
            {
                list.Sort(static (a, b) => a.Handle.Index.CompareTo(b.Handle.Index));
                break;
            }
        }
        return list;
    }

    public void Flush(AggregateEntry le)
    {
        le.Dirty = false;
        if (le.Dead || le.Token.Dead) return;
        if (_plan.Kind == AggregateKind.GroupBy)
        {
            FlushGroups(le);
            return;
        }
        object? result;
        var has = true;
        switch (_plan.Kind)
        {
            case AggregateKind.Count:
                result = le.Count;
                break;
            case AggregateKind.Sum:
                result = _plan.SumKind switch
                {
                    SumKind.Int => (object)unchecked((int)le.LongSum),
                    SumKind.Long => le.LongSum,
                    SumKind.Decimal => le.DecimalSum,
                    SumKind.Float => SumFloat(le),
                    _ => SumDouble(le),
                };
                break;
            case AggregateKind.Min:
            case AggregateKind.Max:
            {
                var items = Matching(le);
                has = items.Count > 0;
                result = null;
                var cmp = Comparer<object>.Default;
                var max = _plan.Kind == AggregateKind.Max;
                for (var i = 0; i < items.Count; i++)
                {
                    var v = Selected(items[i]);
                    if (i == 0) result = v;
                    else if (max ? cmp.Compare(v, result) > 0 : cmp.Compare(v, result) < 0) result = v;
                }
                break;
            }
            default:
            {
                var facts = CollectFacts(le);
                if (le.Out is not null && le.Emitted is object?[] previous && SameItems(previous, facts)) return;
                le.Emitted = facts;
                result = _plan.CollectFactory!(facts);
                Replace(le, result, true, compare: false);
                return;
            }
        }
        Replace(le, result, has, compare: true);
    }

    /// <summary>
    /// The token's matching facts in order (<see cref="Matching"/>'s), in the array the collect result keeps: read
    /// straight from the memory when they are in insertion order, as they are but after an update (no entry list, no
    /// second array per flush; a 100,000-claim check flushes some 300,000 collects).
    /// </summary>
    private object?[] CollectFacts(AggregateEntry le)
    {
        if (S.AggregateOrder is null)
        {
            var facts = new object?[le.Count];
            var n = 0;
            var last = -1;
            var ordered = true;
            if (J.Residual is null)
            {
                for (var e = le.Slot?.RightHead; e is not null && ordered; e = e.Next)
                    ordered = Take((CountedRightEntry)e, facts, ref n, ref last);
            }
            else
            {
                for (var p = le.FirstPair; p is not null && ordered; p = p.LNext)
                    ordered = Take(p.Right, facts, ref n, ref last);
            }
            if (ordered && n == facts.Length) return facts;
        }
        var items = Matching(le);
        var sorted = new object?[items.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = items[i].Fact;
        return sorted;
    }

    /// <summary>Appends the entry's fact if it comes after the last one in insertion order and there is room.</summary>
    private static bool Take(CountedRightEntry re, object?[] facts, ref int n, ref int last)
    {
        var index = re.Handle.Index;
        if (index <= last || n == facts.Length) return false;
        last = index;
        facts[n++] = re.Fact;
        return true;
    }

    private float SumFloat(AggregateEntry le)
    {
        var sum = 0f;
        foreach (var re in Matching(le)) sum += (float)Selected(re)!;
        return sum;
    }

    private double SumDouble(AggregateEntry le)
    {
        var sum = 0d;
        foreach (var re in Matching(le)) sum += (double)Selected(re)!;
        return sum;
    }

    private void Replace(AggregateEntry le, object? result, bool has, bool compare)
    {
        if (compare && has && le.Out is not null && Equals(le.Result, result)) return;
        if (le.Out is { } old)
        {
            le.Out = null;
            S.RetractToken(old);
        }
        le.Result = result;
        if (has) le.Out = Emit(le.Token, result, null);
    }

    private void FlushGroups(AggregateEntry le)
    {
        var items = Matching(le);
        var order = new List<object>();
        var groups = new Dictionary<object, List<object?>>();
        foreach (var re in items)
        {
            var key = Selected(re) ?? NullKey.Instance;
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups.Add(key, list);
                order.Add(key);
            }
            list.Add(re.Fact);
        }
        var previous = le.Emitted as List<(object Key, Token Out, object?[] Items)> ?? [];
        var kept = new Dictionary<object, (object Key, Token Out, object?[] Items)>();
        foreach (var g in previous)
        {
            if (groups.TryGetValue(g.Key, out var now) && SameItems(g.Items, now)) kept[g.Key] = g;
            else S.RetractToken(g.Out);
        }
        var next = new List<(object Key, Token Out, object?[] Items)>(order.Count);
        foreach (var key in order)
        {
            if (kept.TryGetValue(key, out var g))
            {
                next.Add(g);
                continue;
            }
            var facts = groups[key].ToArray();
            var token = Emit(le.Token, _plan.GroupFactory!(key, facts), null);
            if (token is not null) next.Add((key, token, facts));
        }
        le.Emitted = next;
    }

    private static bool SameItems(object?[] a, IReadOnlyList<object?> b)
    {
        if (a.Length != b.Count) return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }
}
