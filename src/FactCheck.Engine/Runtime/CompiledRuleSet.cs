using FactCheck.Engine.Compilation;

namespace FactCheck.Engine.Runtime;

/// <summary>The immutable network blueprint; sessions instantiate their own nodes and memories from it.</summary>
internal sealed class CompiledRuleSet(
    IReadOnlyList<RuleDefinition> rules, List<TypeNodePlan> typeNodes, BetaPlan[] plans, BetaPlan[] heads, int ranks, int memories) : ICompiledRuleSet
{
    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;
    public readonly TypeNodePlan[] TypeNodes = [.. typeNodes];
    public readonly BetaPlan[] Plans = plans;
    public readonly BetaPlan[] Heads = heads;
    public readonly int Ranks = ranks;
    public readonly int Memories = memories;

    public ISession CreateSession(SessionOptions? options = null) => new Session(this, options ?? new SessionOptions());
}
