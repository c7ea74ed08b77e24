namespace FactCheck.Engine;

/// <summary>The built-in Rete engine as an <see cref="IRuleEngine"/>.</summary>
public sealed class RuleEngine : IRuleEngine
{
    private RuleEngine() { }

    /// <summary>The built-in engine (<see cref="RuleCompiler"/>).</summary>
    public static IRuleEngine Default { get; } = new RuleEngine();

    /// <inheritdoc />
    public string Name => "factcheck";

    /// <inheritdoc />
    public ICompiledRuleSet Compile(IEnumerable<RuleDefinition> rules) => RuleCompiler.Compile(rules);
}
