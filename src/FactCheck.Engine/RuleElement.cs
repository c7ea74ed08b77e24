namespace FactCheck.Engine;

/// <summary>
/// A node of a rule's left-hand side. The rule model is independent of any syntax and of the runtime:
/// a front end (e.g. a YAML rule compiler) builds these records, <see cref="RuleCompiler"/> turns them into a network.
/// </summary>
/// <remarks>
/// Element kinds: <see cref="PatternElement"/>, <see cref="AndElement"/>, <see cref="OrElement"/>, <see cref="NotElement"/>,
/// <see cref="ExistsElement"/>, <see cref="ForAllElement"/>, <see cref="AggregateElement"/>, <see cref="ConditionElement"/>.
/// Elements are compared by reference in error reports (<see cref="RuleCompilationException.Element"/>,
/// <see cref="RuleEvaluationError.Element"/>), so a front end can map an element back to its source position.
/// </remarks>
public abstract record RuleElement;
