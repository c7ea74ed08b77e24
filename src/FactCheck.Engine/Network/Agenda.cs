namespace FactCheck.Engine.Network;

/// <summary>
/// Conflict resolution: one stack per rule, rules ranked by (priority desc, declaration order asc); the next activation
/// is the newest of the best-ranked non-empty rule. O(1) add and remove, no hashing, deterministic.
/// </summary>
internal sealed class Agenda(int ranks)
{
    private readonly Activation?[] _heads = new Activation?[ranks];
    private readonly Activation?[] _tails = new Activation?[ranks];
    private int _top = ranks;

    public int Count { get; private set; }

    public void Add(Activation a)
    {
        var r = a.Terminal.Plan.Rank;
        a.InAgenda = true;
        a.AgendaPrev = _tails[r];
        a.AgendaNext = null;
        if (_tails[r] is null) _heads[r] = a; else _tails[r]!.AgendaNext = a;
        _tails[r] = a;
        if (r < _top) _top = r;
        Count++;
    }

    public void Remove(Activation a)
    {
        var r = a.Terminal.Plan.Rank;
        a.InAgenda = false;
        if (a.AgendaPrev is null) _heads[r] = a.AgendaNext; else a.AgendaPrev.AgendaNext = a.AgendaNext;
        if (a.AgendaNext is null) _tails[r] = a.AgendaPrev; else a.AgendaNext.AgendaPrev = a.AgendaPrev;
        a.AgendaPrev = a.AgendaNext = null;
        Count--;
    }

    public Activation? Peek()
    {
        while (_top < _tails.Length && _tails[_top] is null) _top++;
        return _top < _tails.Length ? _tails[_top] : null;
    }

    /// <summary>All waiting activations in firing order.</summary>
    public List<Activation> InOrder()
    {
        var list = new List<Activation>(Count);
        for (var r = 0; r < _tails.Length; r++)
            for (var a = _tails[r]; a is not null; a = a.AgendaPrev) list.Add(a);
        return list;
    }
}
