using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// A minimal YAML tree built straight from parser events: just what binding needs (values and
/// positions), so each file is parsed once and no deserializer reflection runs on the hot path.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(Location location) => Location = location;

    public Location Location { get; }

    /// <summary>How the node reads in an error message ("a list", "a mapping", "text").</summary>
    public abstract string Describe();
}
