using System.Runtime.InteropServices;
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

    /// <summary>The slot of the fact's key (made on first use), or null when the key threw.</summary>
    public abstract Slot? RightSlot(object fact);

    /// <summary>Drops the slot if no entry is left in it.</summary>
    public abstract void Release(Slot slot);

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

        public override Slot RightSlot(object fact) => _single;

        public override void Release(Slot slot) { }
    }
}

/// <summary>
/// A memory hashed on keys of their own static type: no boxing, and <see cref="EqualityComparer{T}.Default"/> (a
/// record's or string's own <c>Equals</c>) instead of virtual <see cref="object.Equals(object)"/> calls. A null key (C#'s
/// <c>null == null</c> holds) has its own slot, since dictionaries refuse null.
/// </summary>
internal sealed class KeyedJoinMemory<TKey>(Session session, JoinSpec spec, Func<Token, TKey> left, Func<object, TKey> right) : JoinMemory
    where TKey : notnull
{
    private readonly Dictionary<TKey, Slot<TKey>> _map = [];
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

    public override Slot? RightSlot(object fact)
    {
        TKey key;
        try
        {
            key = right(fact);
        }
        catch (Exception ex)
        {
            session.RecordKeyError(spec, null, fact, ex);
            return null;
        }
        return SlotFor(key);
    }

    public override void Release(Slot slot)
    {
        if (slot == _null) _null = null;
        else _map.Remove(((Slot<TKey>)slot).Key);
    }

    private Slot<TKey> SlotFor(TKey key)
    {
        if (key is null) return _null ??= new Slot<TKey>(default!);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out _);
        return slot ??= new Slot<TKey>(key);
    }
}
