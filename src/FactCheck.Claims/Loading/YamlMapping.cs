using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, Location location)
        : base(location) => Entries = entries;

    /// <summary>Entries in file order; duplicate keys were reported and dropped by the reader.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string Describe() => "a mapping";
}
