using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, Location location, ScalarLayout layout = ScalarLayout.Plain)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
        Layout = layout;
    }

    /// <summary>How the value is laid out in the file, so positions inside it can be mapped back.</summary>
    public ScalarLayout Layout { get; }

    public string Value { get; }

    /// <summary>Unquoted in the file: only such scalars can mean null (<c>~</c>, <c>null</c>, empty).</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : "text";
}
