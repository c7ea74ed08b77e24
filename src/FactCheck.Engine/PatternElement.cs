using System.Linq.Expressions;

namespace FactCheck.Engine;

/// <summary>
/// Matches one fact assignable to <paramref name="FactType"/> and binds it to <paramref name="Name"/>.
/// </summary>
/// <param name="Name">The binding name; unique within the rule's scope (names bound inside a not/exists/forall are local to it).</param>
/// <param name="FactType">Facts whose runtime type is assignable to this type are candidates.</param>
/// <param name="Conditions">
/// Boolean lambdas. Each parameter is matched BY NAME to a binding: this pattern's own <paramref name="Name"/> or a name
/// bound earlier in the rule; its type must be assignable from the binding's type (the pattern's fact type, or the result
/// type of an aggregate). Conditions over the pattern alone become shared alpha tests; conjuncts <c>x.A == y.B</c> between
/// this pattern and earlier bindings become hash-join keys; the rest is a residual test. A condition that throws counts as
/// false for that combination of facts and is reported as a <see cref="RuleEvaluationError"/>.
/// </param>
public sealed record PatternElement(string Name, Type FactType, IReadOnlyList<LambdaExpression> Conditions) : RuleElement
{
    /// <summary>A pattern without conditions.</summary>
    public PatternElement(string name, Type factType) : this(name, factType, Array.Empty<LambdaExpression>()) { }
}
