using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// One entry of a mapping read by <see cref="SubsetYamlReader"/>: the key's text and place, and the value, a node or,
/// for a scalar, its text and place inline. Claims files hold about 40 keys and scalars per claim: as nodes (a key
/// scalar, a value scalar and the pair) they were 112 bytes an entry and a third of all loading allocated.
/// </summary>
internal readonly struct YamlEntry
{
    private readonly object _value;
    private readonly int _keyLine;
    private readonly int _keyColumn;
    private readonly int _valueLine;
    private readonly int _valueColumn;
    private readonly bool _isPlain;
    private readonly byte _layout;

    public YamlEntry(string key, int keyLine, int keyColumn, YamlNode node)
    {
        Key = key;
        _keyLine = keyLine;
        _keyColumn = keyColumn;
        _value = node;
    }

    public YamlEntry(string key, int keyLine, int keyColumn, in ScalarText scalar)
    {
        Key = key;
        _keyLine = keyLine;
        _keyColumn = keyColumn;
        _value = scalar.Value;
        _valueLine = scalar.Line;
        _valueColumn = scalar.Column;
        _isPlain = scalar.IsPlain;
        _layout = (byte)scalar.Layout;
    }

    public string Key { get; }

    /// <summary>The value when it is not a scalar kept inline.</summary>
    public YamlNode? Node => _value as YamlNode;

    public Location KeyLocation(string file) => new(file, _keyLine, _keyColumn);

    /// <summary>The value when it is a scalar kept inline.</summary>
    public bool IsScalar(out ScalarText scalar)
    {
        if (_value is string text)
        {
            scalar = new ScalarText(text, _isPlain, _valueLine, _valueColumn, (ScalarLayout)_layout);
            return true;
        }

        scalar = default;
        return false;
    }

    /// <summary>The entry as the nodes of <see cref="YamlMapping.Entries"/>.</summary>
    public KeyValuePair<YamlScalar, YamlNode> ToNodes(string file) =>
        new(new YamlScalar(Key, isPlain: true, KeyLocation(file)), Node ?? (IsScalar(out var s) ? s.ToNode(file) : throw new InvalidOperationException()));
}
