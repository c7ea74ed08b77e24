using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, Location location)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted in the file: only such scalars can mean null (<c>~</c>, <c>null</c>, empty).</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : "text";
}
