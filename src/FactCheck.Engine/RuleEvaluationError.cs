namespace FactCheck.Engine;

/// <summary>
/// A condition, key, selector or action that threw while the session evaluated a rule.
/// </summary>
/// <param name="Rule">The rule (for a condition shared by several rules, one error is reported per rule).</param>
/// <param name="Element">The element whose condition threw (null for an action).</param>
/// <param name="What">Which condition or action, in words (e.g. <c>condition c =&gt; (c.Source.Name == "x")</c>, <c>action #1</c>).</param>
/// <param name="Facts">The facts involved (the candidate fact and/or the bound facts), in declaration order.</param>
/// <param name="Exception">What was thrown.</param>
public sealed record RuleEvaluationError(RuleDefinition Rule, RuleElement? Element, string What, IReadOnlyList<object?> Facts, Exception Exception)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"rule '{Rule.Name}': {What} threw {Exception.GetType().Name}: {Exception.Message} (facts: {string.Join(", ", Facts)})";
}
