namespace FactCheck.Claims.Loading;

/// <summary>
/// Shares the strings of short, repeated keys and values ("claimant", "kind", "person", "asserts") between the
/// nodes of the files one thread reads: 100,000 claims repeat a few dozen keys millions of times. Not thread-safe:
/// one table per reading thread. Bounded: past <see cref="MaxEntries"/> it starts over, so hostile input with
/// millions of distinct keys costs no more than the same input without sharing.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longer texts (statements, quotes) are rarely repeated but by the next few, and are cheaper to copy than to hash.</summary>
    public const int MaxLength = 40;

    private const int MaxEntries = 1 << 16;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>
    /// The last few longer texts: a claim's printings mostly quote the same words, one after the other (86,000 of
    /// 200,000 quotes in the generated 100,000 claims). Compared, not hashed, and only with these.
    /// </summary>
    private readonly string?[] _recent = new string?[4];
    private int _nextRecent;

    public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string equal to <paramref name="text"/>, added when it is short and new.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return string.Empty;
        if (text.Length > MaxLength)
        {
            foreach (var recent in _recent)
            {
                if (recent is not null && text.SequenceEqual(recent)) return recent;
            }

            var made = new string(text);
            _recent[_nextRecent] = made;
            _nextRecent = (_nextRecent + 1) % _recent.Length;
            return made;
        }
        if (_lookup.TryGetValue(text, out var shared)) return shared;
        if (_strings.Count >= MaxEntries) _strings.Clear();
        shared = new string(text);
        _strings.Add(shared, shared);
        return shared;
    }
}
