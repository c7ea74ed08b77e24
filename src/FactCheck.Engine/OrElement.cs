namespace FactCheck.Engine;

/// <summary>
/// At least one child holds. The compiler expands the rule into one branch per alternative (disjunctive normal form):
/// each branch that matches produces its own activation of the same rule. Names bound in only some branches are absent
/// from the matches of the others (<see cref="RuleMatch.TryGet"/>).
/// </summary>
public sealed record OrElement(IReadOnlyList<RuleElement> Children) : RuleElement
{
    /// <summary>Convenience constructor.</summary>
    public OrElement(params RuleElement[] children) : this((IReadOnlyList<RuleElement>)children) { }
}
