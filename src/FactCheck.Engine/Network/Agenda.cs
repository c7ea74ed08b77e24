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

    /// <summary>
    /// The activation <paramref name="distance"/> places below the next one in the same rule's stack (live or not), or
    /// null: what will probably fire soon, for <see cref="Runtime.Prefetch"/>.
    /// </summary>
    public Activation? Ahead(int distance) => _top < _stacks.Length ? _stacks[_top].Ahead(distance) : null;

    /// <summary>All waiting activations in firing order.</summary>
    public List<Activation> InOrder()
    {
        var list = new List<Activation>(Count);
        foreach (var s in _stacks) s.AddLive(list);
        return list;
    }

    /// <summary>
    /// A stack in chunks (16, 32, ... up to 4,096 activations, kept once allocated): growing never copies, and no chunk
    /// goes to the large object heap, whose allocations trigger full collections of the whole (live) heap.
    /// </summary>
    private sealed class Stack
    {
        private const int FirstChunk = 16;
        private const int MaxChunk = 4096;

        private Activation[]?[] _chunks = [];
        private int _chunk;
        private int _pos;
        private int _count;
        private int _dead;

        public void Push(Activation a)
        {
            if (_chunks.Length == 0) _chunks = [new Activation[FirstChunk], null, null, null];
            var cur = _chunks[_chunk]!;
            if (_pos == cur.Length)
            {
                // Compacting in place is cheaper than growing when at least half the slots are dead.
                if (_dead * 2 >= _count && _dead > 0) Compact();
                cur = _chunks[_chunk]!;
                if (_pos == cur.Length)
                {
                    if (++_chunk == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
                    cur = _chunks[_chunk] ??= new Activation[Math.Min(cur.Length * 2, MaxChunk)];
                    _pos = 0;
                }
            }
            cur[_pos++] = a;
            _count++;
        }

        public void Dead() => _dead++;

        /// <summary>The newest live activation, dropping dead ones above it.</summary>
        public Activation? Peek()
        {
            while (_count > 0)
            {
                if (_pos == 0) _pos = _chunks[--_chunk]!.Length;
                var c = _chunks[_chunk]!;
                var a = c[_pos - 1];
                if (a.InAgenda) return a;
                c[--_pos] = null!;
                _count--;
                _dead--;
            }
            return null;
        }

        public Activation? Ahead(int distance)
        {
            if (_count <= distance) return null;
            var chunk = _chunk;
            var pos = _pos - 1 - distance;
            while (pos < 0)
            {
                if (--chunk < 0) return null;
                pos += _chunks[chunk]!.Length;
            }
            return _chunks[chunk]![pos];
        }

        public void AddLive(List<Activation> list)
        {
            for (var ci = _chunk; ci >= 0 && _count > 0; ci--)
            {
                var c = _chunks[ci]!;
                for (var i = (ci == _chunk ? _pos : c.Length) - 1; i >= 0; i--)
                    if (c[i].InAgenda) list.Add(c[i]);
            }
        }

        private void Compact()
        {
            int wc = 0, wp = 0;
            var w = _chunks[0]!;
            for (var ci = 0; ci <= _chunk; ci++)
            {
                var c = _chunks[ci]!;
                var end = ci == _chunk ? _pos : c.Length;
                for (var i = 0; i < end; i++)
                {
                    var a = c[i];
                    if (!a.InAgenda) continue;
                    if (wp == w.Length)
                    {
                        w = _chunks[++wc]!;
                        wp = 0;
                    }
                    w[wp++] = a;
                }
            }
            // Clear what is left above the new top.
            Array.Clear(w, wp, w.Length - wp);
            for (var ci = wc + 1; ci <= _chunk; ci++) Array.Clear(_chunks[ci]!);
            _chunk = wc;
            _pos = wp;
            _count -= _dead;
            _dead = 0;
        }
    }
}
