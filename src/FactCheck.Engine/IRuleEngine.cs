namespace FactCheck.Engine;

/// <summary>
/// A rule engine behind the rule model: compiles <see cref="RuleDefinition"/>s into a rule set whose sessions run them.
/// The built-in Rete engine is <see cref="RuleEngine.Default"/>; another (e.g. NRules, in FactCheck.Engine.NRules)
/// translates the same model, so a front end runs its rules on either without knowing which.
/// </summary>
public interface IRuleEngine
{
    /// <summary>The engine's short name, as a user chooses it (e.g. <c>factcheck</c>, <c>nrules</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Compiles <paramref name="rules"/> (their order is the declaration order); throws <see cref="RuleCompilationException"/>
    /// naming the rule and element at fault. The result is immutable and may be shared by any number of sessions.
    /// </summary>
    ICompiledRuleSet Compile(IEnumerable<RuleDefinition> rules);
}
