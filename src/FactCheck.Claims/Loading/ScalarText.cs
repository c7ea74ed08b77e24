using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>A scalar's text and where it starts, without a node: what binding reads of most values.</summary>
internal readonly record struct ScalarText(string Value, bool IsPlain, int Line, int Column, ScalarLayout Layout)
{
    public static ScalarText Of(YamlScalar node) => new(node.Value, node.IsPlain, node.Location.Line, node.Location.Column, node.Layout);

    /// <inheritdoc cref="YamlScalar.IsNull"/>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public Location LocationIn(string file) => new(file, Line, Column);

    public YamlScalar ToNode(string file) => new(Value, IsPlain, LocationIn(file), Layout);
}
