namespace FactCheck.Engine.Network;

/// <summary>
/// Conflict resolution: one stack per rule, rules ranked by (priority desc, declaration order asc); the next activation
/// is the newest of the best-ranked non-empty rule. Stacks are arrays with lazy deletion: a removed activation only
/// clears its <see cref="Token.InAgenda"/> flag and is skipped when it surfaces (stacks are compacted, in order, when
/// more than half their slots are dead), so an activation carries no agenda links. Amortised O(1) add, remove and pop,
/// no hashing, deterministic.
/// </summary>
internal sealed class Agenda
{
    private readonly Stack[] _stacks;
    private int _top;

    public Agenda(int ranks)
    {
        _stacks = new Stack[ranks];
        for (var i = 0; i < ranks; i++) _stacks[i] = new Stack();
        _top = ranks;
    }

    public int Count { get; private set; }

    public void Add(Activation a, int r)
    {
        a.InAgenda = true;
        _stacks[r].Push(a);
        if (r < _top) _top = r;
        Count++;
    }

    public void Remove(Activation a, int rank)
    {
        a.InAgenda = false;
        _stacks[rank].Dead();
        Count--;
    }

    public Activation? Peek()
    {
        while (_top < _stacks.Length)
        {
            if (_stacks[_top].Peek() is { } a) return a;
            _top++;
        }
        return null;
    }

    /// <summary>All waiting activations in firing order.</summary>
    public List<Activation> InOrder()
    {
        var list = new List<Activation>(Count);
        foreach (var s in _stacks) s.AddLive(list);
        return list;
    }

    private sealed class Stack
    {
        private Activation[] _items = [];
        private int _count;
        private int _dead;

        public void Push(Activation a)
        {
            if (_count == _items.Length)
            {
                // Compacting in place is cheaper than growing when at least half the slots are dead.
                if (_dead * 2 >= _count && _count > 0) Compact();
                else Array.Resize(ref _items, Math.Max(16, _count * 2));
            }
            _items[_count++] = a;
        }

        public void Dead() => _dead++;

        /// <summary>The newest live activation, dropping dead ones above it.</summary>
        public Activation? Peek()
        {
            while (_count > 0)
            {
                var a = _items[_count - 1];
                if (a.InAgenda) return a;
                _items[--_count] = null!;
                _dead--;
            }
            return null;
        }

        public void AddLive(List<Activation> list)
        {
            for (var i = _count - 1; i >= 0; i--)
                if (_items[i].InAgenda) list.Add(_items[i]);
        }

        private void Compact()
        {
            var w = 0;
            for (var i = 0; i < _count; i++)
                if (_items[i].InAgenda) _items[w++] = _items[i];
            Array.Clear(_items, w, _count - w);
            _count = w;
            _dead = 0;
        }
    }
}
