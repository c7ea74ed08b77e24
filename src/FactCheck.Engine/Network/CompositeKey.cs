namespace FactCheck.Engine.Network;

/// <summary>A join key made of several equality conjuncts.</summary>
internal sealed class CompositeKey : IEquatable<CompositeKey>
{
    private readonly object?[] _parts;
    private readonly int _hash;

    public CompositeKey(object?[] parts)
    {
        _parts = parts;
        var h = new HashCode();
        foreach (var p in parts) h.Add(p);
        _hash = h.ToHashCode();
    }

    public bool Equals(CompositeKey? other)
    {
        if (other is null || other._hash != _hash || other._parts.Length != _parts.Length) return false;
        for (var i = 0; i < _parts.Length; i++)
            if (!Equals(_parts[i], other._parts[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is CompositeKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
