using FactCheck.Claims.Diagnostics;
using FactCheck.Engine;

namespace FactCheck.Rules.Language;

/// <summary>A loaded rule pack: the rules compiled to the engine's model, their tests, and every problem found.</summary>
public sealed class RulePack
{
    // Lazy per key: groups of a partitioned run compile side by side, each subset only once.
    private readonly Dictionary<string, Lazy<ICompiledRuleSet>> _compiled = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IReadOnlySet<Type>> _writes;

    internal RulePack(IReadOnlyList<RuleDefinition> definitions, IReadOnlyList<RuleTestCase> tests, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> files, ICompiledRuleSet? all,
        IReadOnlyDictionary<string, IReadOnlySet<Type>> writes)
    {
        if (all is not null) _compiled["*"] = new Lazy<ICompiledRuleSet>(all);
        _writes = writes;
        Definitions = definitions;
        Tests = tests;
        Diagnostics = diagnostics;
        Files = files;
        Rules = definitions.Select(d => (RuleInfo)d.Tag!).ToArray();
    }

    public IReadOnlyList<RuleDefinition> Definitions { get; }

    public IReadOnlyList<RuleInfo> Rules { get; }

    public IReadOnlyList<RuleTestCase> Tests { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<string> Files { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The network for all rules, or only <paramref name="only"/>, on <paramref name="engine"/> (the built-in one by
    /// default); built once per engine and selection and shared.
    /// </summary>
    public ICompiledRuleSet Compile(IReadOnlyCollection<string>? only = null, IRuleEngine? engine = null)
    {
        engine ??= RuleEngine.Default;
        var selection = only is null ? "*" : string.Join("\n", only.Order(StringComparer.Ordinal));
        var key = engine == RuleEngine.Default ? selection : engine.Name + "\n" + selection;
        Lazy<ICompiledRuleSet>? set;
        lock (_compiled)
        {
            if (!_compiled.TryGetValue(key, out set))
            {
                var chosen = only is null ? Definitions : Definitions.Where(d => only.Contains(d.Name)).ToArray();
                set = new Lazy<ICompiledRuleSet>(() => engine.Compile(chosen));
                _compiled[key] = set;
            }
        }

        return set.Value;
    }

    /// <summary>The fact types the rule's actions insert or retract (findings included).</summary>
    internal IReadOnlySet<Type> WrittenTypes(string rule) => _writes.TryGetValue(rule, out var types) ? types : new HashSet<Type>();
}
