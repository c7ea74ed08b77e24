using System.Linq.Expressions;

namespace FactCheck.Engine;

/// <summary>
/// A boolean test over names bound earlier in the rule (parameters matched by name, as in <see cref="PatternElement"/>).
/// This is how a rule tests an aggregate's result, e.g. <c>(int n) =&gt; n &gt;= 2</c> after an aggregate bound as <c>n</c>.
/// </summary>
public sealed record ConditionElement(LambdaExpression Condition) : RuleElement;
