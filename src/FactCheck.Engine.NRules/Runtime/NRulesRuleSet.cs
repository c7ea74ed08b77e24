using System.Linq.Expressions;
using FactCheck.Engine.NRules.Translation;
using NRules;

namespace FactCheck.Engine.NRules.Runtime;

/// <summary>A compiled NRules session factory with what the sessions need to map NRules back to the rule model.</summary>
internal sealed class NRulesRuleSet(
    IReadOnlyList<RuleDefinition> rules, ISessionFactory factory, Dictionary<Expression, ErrorSite> sites, Dictionary<string, RuleBinding> bindings) : ICompiledRuleSet
{
    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;

    public ISessionFactory Factory { get; } = factory;

    public IReadOnlyDictionary<Expression, ErrorSite> Sites { get; } = sites;

    public IReadOnlyDictionary<string, RuleBinding> Bindings { get; } = bindings;

    public ISession CreateSession(SessionOptions? options = null) => new NRulesSession(this, options ?? new SessionOptions());
}
