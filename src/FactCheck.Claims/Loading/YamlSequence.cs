using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, Location location)
        : base(location) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string Describe() => "a list";
}
