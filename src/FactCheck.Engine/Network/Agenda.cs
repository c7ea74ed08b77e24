namespace FactCheck.Engine.Network;

/// <summary>
/// Conflict resolution: one stack per rule, rules ranked by (priority desc, declaration order asc); the next activation
/// is the newest of the best-ranked non-empty rule. Stacks are arrays with lazy deletion: a removed activation only
/// clears its <see cref="Token.InAgenda"/> flag and is skipped when it surfaces (stacks are compacted, in order, when
/// about half their entries are dead), so an activation carries no agenda links. Amortised O(1) add, remove and pop,
/// no hashing, deterministic.
/// </summary>
/// <remarks>
/// A match a join makes for a terminal right after it is only an entry here (<see cref="Pending.Right"/> set): its parent
/// token and the join's right entry, alive while both are. No object until it fires, and none after unless its firing
/// links facts to it (see <see cref="JoinNode"/>).
/// </remarks>
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

    /// <summary>Entries on the stacks, dead ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var s in _stacks) n += s.Count;
            return n;
        }
    }

    public void Add(Activation a, int r)
    {
        a.InAgenda = true;
        Push(new Pending(a, null), r);
    }

    /// <summary>A join's match (<paramref name="parent"/>, <paramref name="right"/>'s fact) for the terminal after it.</summary>
    public void AddLight(BetaToken parent, RightEntry right, int r) => Push(new Pending(parent, right), r);

    private void Push(Pending p, int r)
    {
        _stacks[r].Push(p);
        if (r < _top) _top = r;
    }

    public void Remove(Activation a, int rank)
    {
        a.InAgenda = false;
        _stacks[rank].Dead(1);
    }

    /// <summary>Up to <paramref name="count"/> join matches of rank <paramref name="rank"/> went away (an estimate, for compaction).</summary>
    public void LightDied(int rank, int count) => _stacks[rank].Dead(count);

    /// <summary>The next live entry, or false when the agenda is empty.</summary>
    public bool TryPeek(out Pending next)
    {
        while (_top < _stacks.Length)
        {
            if (_stacks[_top].TryPeek(out next)) return true;
            _top++;
        }
        next = default;
        return false;
    }

    /// <summary>Takes the entry <see cref="TryPeek"/> returned off the agenda.</summary>
    public void Pop() => _stacks[_top].Pop();

    /// <summary>
    /// The entry <paramref name="distance"/> places below the next one in the same rule's stack (live or not), or
    /// an empty one: what will probably fire soon, for <see cref="Runtime.Prefetch"/>.
    /// </summary>
    public Pending Ahead(int distance) => _top < _stacks.Length ? _stacks[_top].Ahead(distance) : default;

    /// <summary>All waiting entries in firing order.</summary>
    public List<Pending> InOrder()
    {
        var list = new List<Pending>();
        foreach (var s in _stacks) s.AddLive(list);
        return list;
    }

    /// <summary>Turns every live join match into an <see cref="Activation"/> made by <paramref name="make"/> (dead ones are dropped).</summary>
    public void Materialize(Func<Pending, Activation> make)
    {
        foreach (var s in _stacks) s.Materialize(make);
    }

    /// <summary>
    /// A stack in chunks (16, 32, ... up to 4,096 entries, kept once allocated): growing never copies, and no chunk
    /// goes to the large object heap, whose allocations trigger full collections of the whole (live) heap.
    /// </summary>
    private sealed class Stack
    {
        private const int FirstChunk = 16;
        private const int MaxChunk = 4096;

        private Pending[]?[] _chunks = [];
        private int _chunk;
        private int _pos;
        private int _count;
        private long _dead;

        public int Count => _count;

        public void Push(Pending p)
        {
            if (_chunks.Length == 0) _chunks = [new Pending[FirstChunk], null, null, null];
            var cur = _chunks[_chunk]!;
            if (_pos == cur.Length)
            {
                // Compacting in place is cheaper than growing when about half the entries are dead.
                if (_dead * 2 >= _count && _dead > 0) Compact();
                cur = _chunks[_chunk]!;
                if (_pos == cur.Length)
                {
                    if (++_chunk == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
                    cur = _chunks[_chunk] ??= new Pending[Math.Min(cur.Length * 2, MaxChunk)];
                    _pos = 0;
                }
            }
            cur[_pos++] = p;
            _count++;
        }

        /// <summary>Counts entries that died where they are (exactly for activations, at most for join matches).</summary>
        public void Dead(int count) => _dead += count;

        /// <summary>The newest live entry, dropping dead ones above it.</summary>
        public bool TryPeek(out Pending next)
        {
            while (_count > 0)
            {
                if (_pos == 0) _pos = _chunks[--_chunk]!.Length;
                var c = _chunks[_chunk]!;
                next = c[_pos - 1];
                if (next.Live) return true;
                c[--_pos] = default;
                _count--;
                if (_dead > 0) _dead--;
            }
            next = default;
            return false;
        }

        /// <summary>Removes the top entry (live: <see cref="TryPeek"/> just returned it).</summary>
        public void Pop()
        {
            var c = _chunks[_chunk]!;
            if (c[_pos - 1].Item is Activation a) a.InAgenda = false;
            c[--_pos] = default;
            _count--;
        }

        public Pending Ahead(int distance)
        {
            if (_count <= distance) return default;
            var chunk = _chunk;
            var pos = _pos - 1 - distance;
            while (pos < 0)
            {
                if (--chunk < 0) return default;
                pos += _chunks[chunk]!.Length;
            }
            return _chunks[chunk]![pos];
        }

        public void AddLive(List<Pending> list)
        {
            for (var ci = _chunk; ci >= 0 && _count > 0; ci--)
            {
                var c = _chunks[ci]!;
                for (var i = (ci == _chunk ? _pos : c.Length) - 1; i >= 0; i--)
                    if (c[i].Live) list.Add(c[i]);
            }
        }

        public void Materialize(Func<Pending, Activation> make)
        {
            if (_count == 0) return;
            for (var ci = 0; ci <= _chunk; ci++)
            {
                var c = _chunks[ci]!;
                var end = ci == _chunk ? _pos : c.Length;
                for (var i = 0; i < end; i++)
                {
                    if (c[i].Right is null) continue;
                    if (c[i].Live)
                    {
                        var a = make(c[i]);
                        a.InAgenda = true;
                        c[i] = new Pending(a, null);
                    }
                    else
                    {
                        c[i] = default;
                        _dead++;
                    }
                }
            }
            Compact();
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
                    var p = c[i];
                    if (!p.Live) continue;
                    if (wp == w.Length)
                    {
                        w = _chunks[++wc]!;
                        wp = 0;
                    }
                    w[wp++] = p;
                }
            }
            // Clear what is left above the new top.
            var live = 0;
            for (var ci = 0; ci < wc; ci++) live += _chunks[ci]!.Length;
            live += wp;
            Array.Clear(w, wp, w.Length - wp);
            for (var ci = wc + 1; ci <= _chunk; ci++) Array.Clear(_chunks[ci]!);
            _chunk = wc;
            _pos = wp;
            _count = live;
            _dead = 0;
        }
    }
}

/// <summary>
/// An agenda entry: an <see cref="Activation"/> (<see cref="Right"/> null), or a join's match for the terminal after it,
/// which is <see cref="Item"/> (the parent token) joined with <see cref="Right"/>'s fact and lives while both do.
/// </summary>
internal readonly struct Pending(Token item, RightEntry? right)
{
    public readonly Token Item = item;
    public readonly RightEntry? Right = right;

    public bool Live => Right is null ? Item is Activation { InAgenda: true } : !Item.Dead && !Right.Dead;
}
