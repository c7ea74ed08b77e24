using FactCheck.Claims.Diagnostics;
using FactCheck.Engine;

namespace FactCheck.Rules.Language;

/// <summary>A loaded rule pack: the rules compiled to the engine's model, their tests, and every problem found.</summary>
public sealed class RulePack
{
    private readonly Dictionary<string, ICompiledRuleSet> _compiled = new(StringComparer.Ordinal);

    internal RulePack(IReadOnlyList<RuleDefinition> definitions, IReadOnlyList<RuleTestCase> tests, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> files, ICompiledRuleSet? all)
    {
        if (all is not null) _compiled["*"] = all;
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

    /// <summary>The network for all rules, or only <paramref name="only"/>; built once per selection and shared.</summary>
    public ICompiledRuleSet Compile(IReadOnlyCollection<string>? only = null)
    {
        var key = only is null ? "*" : string.Join("\n", only.Order(StringComparer.Ordinal));
        lock (_compiled)
        {
            if (!_compiled.TryGetValue(key, out var set))
            {
                var chosen = only is null ? Definitions : Definitions.Where(d => only.Contains(d.Name)).ToArray();
                set = RuleCompiler.Compile(chosen);
                _compiled[key] = set;
            }

            return set;
        }
    }
}
