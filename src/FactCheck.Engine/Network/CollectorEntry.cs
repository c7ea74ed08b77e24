namespace FactCheck.Engine.Network;

/// <summary>A subnetwork result counted for the subnet node's left entry it descends from.</summary>
internal sealed class CollectorEntry(BetaNode node, LeftEntry target) : Entry(node)
{
    public readonly LeftEntry Target = target;
}
