namespace FactCheck.Engine;

/// <summary>
/// Holds (once, whatever the number of matches) when the child has at least one match given the bindings before it.
/// Names bound inside are not visible after it.
/// </summary>
public sealed record ExistsElement(RuleElement Child) : RuleElement;
