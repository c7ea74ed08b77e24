namespace FactCheck.Engine;

/// <summary>
/// Holds when the child has no match (given the bindings before it). The child may be a pattern or any conjunction
/// / disjunction of elements; its conditions may refer to earlier bindings. Names bound inside are not visible after it.
/// </summary>
public sealed record NotElement(RuleElement Child) : RuleElement;
