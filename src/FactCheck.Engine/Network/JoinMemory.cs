using System.Runtime.InteropServices;

namespace FactCheck.Engine.Network;

/// <summary>
/// Both memories of a two-input node: a <see cref="Slot"/> per join key holding the key's left and right entries (a
/// single slot when the node has no key). An entry joins its side and reaches the other side with one hash probe.
/// </summary>
internal sealed class JoinMemory
{
    private readonly Dictionary<object, Slot>? _map;
    private readonly Slot _single = new();

    public JoinMemory(bool keyed)
    {
        if (keyed) _map = new Dictionary<object, Slot>();
    }

    /// <summary>Adds a left entry under <paramref name="key"/>; the slot returned gives the key's right entries.</summary>
    public Slot AddLeft(KeyedEntry e, object? key)
    {
        var slot = SlotFor(key);
        slot.Add(e, right: false);
        return slot;
    }

    /// <summary>Adds a right entry under <paramref name="key"/>; the slot returned gives the key's left entries.</summary>
    public Slot AddRight(KeyedEntry e, object? key)
    {
        var slot = SlotFor(key);
        slot.Add(e, right: true);
        return slot;
    }

    public void Remove(KeyedEntry e)
    {
        var slot = e.Slot;
        if (slot is null) return;
        slot.Remove(e);
        if (_map is not null && slot.IsEmpty) _map.Remove(slot.Key!);
    }

    private Slot SlotFor(object? key) =>
        _map is null ? _single : CollectionsMarshal.GetValueRefOrAddDefault(_map, key!, out _) ??= new Slot { Key = key };
}
