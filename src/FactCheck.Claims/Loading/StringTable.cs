namespace FactCheck.Claims.Loading;

/// <summary>
/// Shares the strings of short, repeated keys and values ("claimant", "kind", "person", "asserts") between the
/// nodes of the files one thread reads: 100,000 claims repeat a few dozen keys millions of times. Not thread-safe:
/// one table per reading thread. Bounded: past <see cref="MaxEntries"/> it starts over, so hostile input with
/// millions of distinct keys costs no more than the same input without sharing.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longer texts are rarely repeated (statements, quotes) and are cheaper to copy than to hash.</summary>
    public const int MaxLength = 40;

    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string equal to <paramref name="text"/>, added when it is short and new.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return string.Empty;
        if (text.Length > MaxLength) return new string(text);
        if (_lookup.TryGetValue(text, out var shared)) return shared;
        if (_strings.Count >= MaxEntries) _strings.Clear();
        shared = new string(text);
        _strings.Add(shared, shared);
        return shared;
    }
}
