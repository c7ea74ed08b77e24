using FactCheck.Engine.NRules.Runtime;
using FactCheck.Engine.NRules.Translation;
using NRules;

namespace FactCheck.Engine.NRules;

/// <summary>
/// Runs the engine's rule model on NRules (<see href="https://nrules.net"/>): each <see cref="RuleDefinition"/> is
/// translated to NRules' canonical rule model and compiled with NRules' own compiler; sessions are NRules sessions
/// behind <see cref="ISession"/>, with facts identified by reference, the same error records and the same loop limit.
/// </summary>
/// <remarks>
/// The rules are first compiled by the built-in compiler, which checks them: a rule set fails on both engines with the
/// same <see cref="RuleCompilationException"/>. The differences between the engines are listed in docs/engine.md.
/// </remarks>
public sealed class NRulesEngine : IRuleEngine
{
    private NRulesEngine() { }

    /// <summary>The engine.</summary>
    public static IRuleEngine Instance { get; } = new NRulesEngine();

    /// <inheritdoc />
    public string Name => "nrules";

    /// <inheritdoc />
    public ICompiledRuleSet Compile(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        RuleCompiler.Compile(list);
        var translator = new RuleTranslator();
        var definitions = translator.Translate(list);
        // Guarded conditions hold try/catch blocks, which NRules' expression comparer cannot compare: they are then
        // taken as different (no node sharing for them) instead of failing the compilation.
        var compiler = new global::NRules.RuleCompiler(new RuleCompilerOptions
        {
            UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual,
        });
        // NRules identifies facts by Equals by default: two equal records would be one fact.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        global::NRules.ISessionFactory factory;
        try
        {
            factory = compiler.Compile(definitions);
        }
        catch (global::NRules.RuleCompilationException ex)
        {
            // An alternative of an or-rule is named 'rule|n' in NRules.
            var name = ex.RuleName.Split('|')[0];
            throw new RuleCompilationException(name, null, null, $"NRules cannot compile it: {ex.InnerException?.Message ?? ex.Message}");
        }

        return new NRulesRuleSet(list, factory, translator.Sites, translator.Bindings);
    }
}
