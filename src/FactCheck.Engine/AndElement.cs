namespace FactCheck.Engine;

/// <summary>All children hold; children are matched in order, so later children may refer to names bound by earlier ones.</summary>
public sealed record AndElement(IReadOnlyList<RuleElement> Children) : RuleElement
{
    /// <summary>Convenience constructor.</summary>
    public AndElement(params RuleElement[] children) : this((IReadOnlyList<RuleElement>)children) { }
}
