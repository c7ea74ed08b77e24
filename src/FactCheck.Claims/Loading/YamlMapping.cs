using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

public sealed class YamlMapping : YamlNode
{
    /// <summary>
    /// The entries: an array of <see cref="YamlEntry"/> (keys and scalar values inline) until <see cref="Entries"/> is
    /// first asked for, then the nodes; one field, not two, in each of the million mappings of 100,000 claims.
    /// </summary>
    private object _entries;

    /// <summary>Where this mapping's entries start in the <see cref="YamlEntry"/> array, which other mappings may share.</summary>
    private readonly int _offset;

    private readonly int _count;

    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, Location location)
        : base(location) => _entries = entries;

    /// <summary>A mapping whose keys and scalar values are kept inline (see <see cref="YamlEntry"/>), at <paramref name="offset"/> in <paramref name="entries"/>.</summary>
    internal YamlMapping(YamlEntry[] entries, int offset, int count, Location location)
        : base(location) => (_entries, _offset, _count) = (entries, offset, count);

    /// <summary>Entries in file order; duplicate keys were reported and dropped by the reader.</summary>
    /// <remarks>Of a mapping read inline, made on first use (binding reads it through the internal accessors, without nodes).</remarks>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries =>
        _entries as IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> ?? Materialize();

    internal int Count => _entries is YamlEntry[] ? _count : Nodes.Count;

    private IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Nodes => (IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>>)_entries;

    internal string KeyAt(int index) => _entries is YamlEntry[] compact ? compact[_offset + index].Key : Nodes[index].Key.Value;

    internal Location KeyLocationAt(int index) => _entries is YamlEntry[] compact ? compact[_offset + index].KeyLocation(Location.File) : Nodes[index].Key.Location;

    /// <summary>The value at <paramref name="index"/>: a node, or null with <paramref name="scalar"/> set when it is a scalar.</summary>
    internal YamlNode? ValueAt(int index, out ScalarText scalar)
    {
        if (_entries is YamlEntry[] compact)
        {
            ref readonly var entry = ref compact[_offset + index];
            if (entry.IsScalar(out scalar)) return null;
            return entry.Node;
        }

        var node = Nodes[index].Value;
        if (node is YamlScalar s)
        {
            scalar = ScalarText.Of(s);
            return null;
        }

        scalar = default;
        return node;
    }

    /// <summary>The node of the value at <paramref name="index"/>, made (once) when it is kept inline.</summary>
    internal YamlNode NodeAt(int index) => Entries[index].Value;

    public override string Describe() => "a mapping";

    private IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Materialize()
    {
        var current = _entries;
        if (current is not YamlEntry[] compact) return (IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>>)current;
        var entries = new KeyValuePair<YamlScalar, YamlNode>[_count];
        for (var i = 0; i < _count; i++) entries[i] = compact[_offset + i].ToNodes(Location.File);
        // Two threads may make them at once: both return the nodes kept.
        return Interlocked.CompareExchange(ref _entries, entries, compact) is YamlEntry[] ? entries : Nodes;
    }
}
