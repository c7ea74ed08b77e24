using System.Linq.Expressions;

namespace FactCheck.Engine.Compilation;

/// <summary>The rule model after expansion into disjunctive normal form: each rule becomes conjunctions of these.</summary>
internal abstract class NormalElement(RuleElement source)
{
    public readonly RuleElement Source = source;
}

internal sealed class NormalPattern(RuleElement source, string name, Type type, IReadOnlyList<LambdaExpression> conditions) : NormalElement(source)
{
    public readonly string Name = name;
    public readonly Type Type = type;
    public readonly IReadOnlyList<LambdaExpression> Conditions = conditions;
}

internal sealed class NormalNegation(RuleElement source, bool exists, List<List<NormalElement>> branches) : NormalElement(source)
{
    public readonly bool Exists = exists;
    public readonly List<List<NormalElement>> Branches = branches;
}

internal sealed class NormalAggregate(AggregateElement element) : NormalElement(element)
{
    public readonly AggregateElement Element = element;
}

internal sealed class NormalCondition(RuleElement source, LambdaExpression condition) : NormalElement(source)
{
    public readonly LambdaExpression Condition = condition;
}
