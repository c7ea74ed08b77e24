using FactCheck.Engine.Compilation;

namespace FactCheck.Engine;

/// <summary>Compiles rule definitions into a Rete network blueprint.</summary>
public static class RuleCompiler
{
    /// <summary>
    /// Compiles <paramref name="rules"/> (their order is the declaration order used by conflict resolution).
    /// Throws <see cref="RuleCompilationException"/> naming the rule and element at fault. The result is immutable,
    /// thread-safe and may be shared by any number of sessions.
    /// </summary>
    public static ICompiledRuleSet Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RuleSetBuilder().Build(rules.ToList());
    }
}
