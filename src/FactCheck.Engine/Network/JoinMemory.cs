using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Network;

/// <summary>
/// Both memories of a two-input node: a <see cref="Slot"/> per join key holding the key's left and right entries (a
/// single slot when the node has no key). An entry joins its side and reaches the other side with one hash probe.
/// </summary>
internal abstract class JoinMemory
{
    public static JoinMemory Create(Session session, JoinSpec spec) =>
        spec.Keys is null ? new Unkeyed() : spec.Keys.CreateMemory(session, spec);

    /// <summary>The slot of the token's key (made on first use), or null when the key threw (recorded; matches nothing).</summary>
    public abstract Slot? LeftSlot(Token token);

    /// <summary>The slot of the fact's key (made on first use), or null when the key threw (recorded if <paramref name="record"/>).</summary>
    public abstract Slot? RightSlot(object fact, bool record = true);

    /// <summary>Whether the fact's key can be computed (an error is recorded if not); no slot is made.</summary>
    public abstract bool RightKeyValid(object fact);

    /// <summary>
    /// A hint for an insertion coming soon: stage 0 asks for the bucket of the token's key, stage 1 (a few facts later)
    /// for the bucket's first slot. Never records anything: a key that throws is reported when the token really arrives.
    /// </summary>
    public virtual void PrefetchLeft(Token token, int stage) { }

    /// <summary>The same for a fact coming to the right side.</summary>
    public virtual void PrefetchRight(object fact, int stage) { }

    /// <summary>Drops the slot if no entry is left in it.</summary>
    public abstract void Release(Slot slot);

    /// <summary>Every slot (for tests: the live matches).</summary>
    public abstract IEnumerable<Slot> Slots();

    public void Remove(KeyedEntry e)
    {
        var slot = e.Slot;
        if (slot is null) return;
        slot.Remove(e);
        if (slot.IsEmpty) Release(slot);
    }

    private sealed class Unkeyed : JoinMemory
    {
        private readonly Slot _single = new();

        public override Slot LeftSlot(Token token) => _single;

        public override Slot RightSlot(object fact, bool record) => _single;

        public override bool RightKeyValid(object fact) => true;

        public override void Release(Slot slot) { }

        public override IEnumerable<Slot> Slots() => [_single];
    }
}

/// <summary>
/// A memory hashed on keys of their own static type: no boxing, and <see cref="EqualityComparer{T}.Default"/> (a
/// record's or string's own <c>Equals</c>) instead of virtual <see cref="object.Equals(object)"/> calls. The slots are
/// the hash table's chain nodes (no dictionary entry per key, no entries array to regrow and copy, which at a million
/// keys is tens of megabytes of large-object allocations, each bringing a full collection closer). Slots keep their
/// key's hash. A null key (C#'s <c>null == null</c> holds) has its own slot.
/// </summary>
internal sealed class KeyedJoinMemory<TKey>(Session session, JoinSpec spec, Func<Token, TKey> left, Func<object, TKey> right) : JoinMemory
{
    private PagedArray<Slot<TKey>> _buckets = new(16);
    private int _shift = 32 - 4;
    private int _count;
    private Slot<TKey>? _null;

    public override Slot? LeftSlot(Token token)
    {
        TKey key;
        try
        {
            key = left(token);
        }
        catch (Exception ex)
        {
            session.RecordKeyError(spec, token, null, ex);
            return null;
        }
        return SlotFor(key);
    }

    public override Slot? RightSlot(object fact, bool record)
    {
        TKey key;
        try
        {
            key = right(fact);
        }
        catch (Exception ex)
        {
            if (record) session.RecordKeyError(spec, null, fact, ex);
            return null;
        }
        return SlotFor(key);
    }

    public override bool RightKeyValid(object fact)
    {
        try
        {
            _ = right(fact);
            return true;
        }
        catch (Exception ex)
        {
            session.RecordKeyError(spec, null, fact, ex);
            return false;
        }
    }

    public override void PrefetchLeft(Token token, int stage)
    {
        TKey key;
        try
        {
            key = left(token);
        }
        catch (Exception)
        {
            // A hint only: the insertion itself evaluates the key again and records the error.
            return;
        }
        Touch(key, stage);
    }

    public override void PrefetchRight(object fact, int stage)
    {
        TKey key;
        try
        {
            key = right(fact);
        }
        catch (Exception)
        {
            return;
        }
        Touch(key, stage);
    }

    private void Touch(TKey key, int stage)
    {
        if (key is null) return;
        ref var head = ref _buckets[Bucket(EqualityComparer<TKey>.Default.GetHashCode(key))];
        if (stage == 0) Prefetch.Slot(ref head);
        else Prefetch.Object(head);
    }

    public override void Release(Slot slot)
    {
        if (slot == _null)
        {
            _null = null;
            return;
        }
        var s = (Slot<TKey>)slot;
        // The slot sits in the bucket of the hash it was made with, even if its key object was mutated since.
        Unlink(Bucket(s.Hash), s);
    }

    public override IEnumerable<Slot> Slots()
    {
        if (_null is not null) yield return _null;
        for (var i = 0; i < _buckets.Length; i++)
            for (var s = _buckets[i]; s is not null; s = s.NextInBucket)
                yield return s;
    }

    private void Unlink(int bucket, Slot<TKey> s)
    {
        ref var link = ref _buckets[bucket];
        while (link != s) link = ref link!.NextInBucket;
        link = s.NextInBucket;
        s.NextInBucket = null;
        _count--;
    }

    private Slot<TKey> SlotFor(TKey key)
    {
        if (key is null) return _null ??= new Slot<TKey>(default!, 0);
        var hash = EqualityComparer<TKey>.Default.GetHashCode(key);
        ref var head = ref _buckets[Bucket(hash)];
        for (var s = head; s is not null; s = s.NextInBucket)
            if (s.Hash == hash && EqualityComparer<TKey>.Default.Equals(s.Key, key)) return s;
        var slot = new Slot<TKey>(key, hash) { NextInBucket = head };
        head = slot;
        if (++_count > _buckets.Length) Grow();
        return slot;
    }

    /// <summary>Fibonacci hashing: the top bits of hash × 2^32/φ, so that keys like 0, 1024, 2048... still spread.</summary>
    private int Bucket(int hash) => (int)((uint)hash * 2654435769u >> _shift);

    /// <summary>
    /// Doubles the table in place (the pages are kept, none is copied or left as garbage): with one more bit of the
    /// product, old bucket i splits into buckets 2i and 2i + 1, which are at or above i, so walking down from the top
    /// moves each chain into places already emptied.
    /// </summary>
    private void Grow()
    {
        var length = _buckets.Length;
        _buckets.EnsureLength(length * 2);
        _shift--;
        for (var i = length - 1; i >= 0; i--)
        {
            var s = _buckets[i];
            _buckets[i] = null;
            while (s is not null)
            {
                var next = s.NextInBucket;
                ref var head = ref _buckets[Bucket(s.Hash)];
                s.NextInBucket = head;
                head = s;
                s = next;
            }
        }
    }
}
