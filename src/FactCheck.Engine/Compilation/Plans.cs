using FactCheck.Engine.Network;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Compilation;

/// <summary>The shared (immutable) description of a join between a chain's tokens and an alpha memory's facts.</summary>
internal sealed class JoinSpec(
    AlphaMemoryPlan memory,
    JoinKeys? keys,
    Func<Token, object, bool>? residual,
    ErrorSite keySite,
    ErrorSite residualSite)
{
    public readonly AlphaMemoryPlan Memory = memory;

    /// <summary>The hash-join key's two sides; null when the join has no key.</summary>
    public readonly JoinKeys? Keys = keys;
    public readonly Func<Token, object, bool>? Residual = residual;
    public readonly ErrorSite KeySite = keySite;
    public readonly ErrorSite ResidualSite = residualSite;
}

/// <summary>A join key's two sides, compiled to delegates returning the key's own type (see <see cref="KeyedJoinMemory{TKey}"/>).</summary>
internal abstract class JoinKeys
{
    public abstract JoinMemory CreateMemory(Session session, JoinSpec spec);
}

internal sealed class JoinKeys<TKey>(Func<Token, TKey> left, Func<object, TKey> right) : JoinKeys
{
    public readonly Func<Token, TKey> Left = left;
    public readonly Func<object, TKey> Right = right;

    public override JoinMemory CreateMemory(Session session, JoinSpec spec) => new KeyedJoinMemory<TKey>(session, spec, Left, Right);
}

/// <summary>A beta node's blueprint; each session instantiates its own node (with its own memories) from it.</summary>
internal abstract class BetaPlan
{
    public int Id;
    public BetaPlan? Next;

    public abstract BetaNode Create(Session session);
}

internal sealed class JoinPlan(JoinSpec spec) : BetaPlan
{
    public readonly JoinSpec Spec = spec;

    public override BetaNode Create(Session session) => new JoinNode(session, this);
}

/// <summary>The first pattern of top-level chains, shared by every rule that starts with the same alpha memory.</summary>
internal sealed class RootJoinPlan(AlphaMemoryPlan memory) : BetaPlan
{
    public readonly AlphaMemoryPlan Memory = memory;
    public readonly List<BetaPlan> Successors = [];

    public override BetaNode Create(Session session) => new RootJoinNode(session, this);
}

internal sealed class NegationPlan(JoinSpec spec, bool exists) : BetaPlan
{
    public readonly JoinSpec Spec = spec;
    public readonly bool Exists = exists;

    public override BetaNode Create(Session session) => new NegationNode(session, this);
}

internal sealed class FilterPlan(Func<Token, bool> test, ErrorSite site) : BetaPlan
{
    public readonly Func<Token, bool> Test = test;
    public readonly ErrorSite Site = site;

    public override BetaNode Create(Session session) => new FilterNode(session, this);
}

internal sealed class SubnetPlan(bool exists) : BetaPlan
{
    public readonly bool Exists = exists;
    public readonly List<BetaPlan> Heads = [];

    public override BetaNode Create(Session session) => new SubnetNode(session, this);
}

internal sealed class CollectorPlan(SubnetPlan owner, int hops) : BetaPlan
{
    public readonly SubnetPlan Owner = owner;
    public readonly int Hops = hops;

    public override BetaNode Create(Session session) => new CollectorNode(session, this);
}

internal enum SumKind { None, Int, Long, Decimal, Float, Double }

internal sealed class AggregatePlan(
    JoinSpec spec,
    AggregateKind kind,
    Func<object, object?>? selector,
    ErrorSite selectorSite,
    SumKind sumKind,
    Func<object?[], object>? collectFactory,
    Func<object, object?[], object>? groupFactory) : BetaPlan
{
    public readonly JoinSpec Spec = spec;
    public readonly AggregateKind Kind = kind;
    public readonly Func<object, object?>? Selector = selector;
    public readonly ErrorSite SelectorSite = selectorSite;
    public readonly SumKind SumKind = sumKind;
    public readonly Func<object?[], object>? CollectFactory = collectFactory;
    public readonly Func<object, object?[], object>? GroupFactory = groupFactory;

    public override BetaNode Create(Session session) => new AggregateNode(session, this);
}

internal sealed class TerminalPlan(RuleDefinition rule, int ruleIndex, int rank, string[] names, int[] levels, int depth) : BetaPlan
{
    public readonly RuleDefinition Rule = rule;

    /// <summary>The rule's actions as an array: firing indexes them without interface calls.</summary>
    public readonly RuleAction[] Actions = [.. rule.Actions];
    public readonly int RuleIndex = ruleIndex;
    public readonly int Rank = rank;
    public readonly string[] Names = names;
    public readonly int[] Levels = levels;
    public readonly int Depth = depth;

    public override BetaNode Create(Session session) => new TerminalNode(session, this);
}

/// <summary>Root of the alpha network for one fact type.</summary>
internal sealed class TypeNodePlan(Type type)
{
    public readonly Type Type = type;
    public readonly List<AlphaNodePlan> Children = [];
    public AlphaMemoryPlan? Memory;
}

/// <summary>A single-fact test, shared by every pattern (of any rule) that has the same test on the same path.</summary>
internal sealed class AlphaNodePlan(string? key, Func<object, bool> test)
{
    public readonly string? Key = key;
    public readonly Func<object, bool> Test = test;
    public readonly List<ErrorSite> Sites = [];

    /// <summary>
    /// Each site's own test, beside <see cref="Sites"/>: when the shared test throws, each rule's error carries what its
    /// own condition throws (equal keys may differ in how a guard dresses the error, see <see cref="ExpressionKey"/>).
    /// </summary>
    public readonly List<Func<object, bool>> SiteTests = [];
    public readonly List<AlphaNodePlan> Children = [];
    public AlphaMemoryPlan? Memory;
}

/// <summary>The end of an alpha path: the beta nodes fed with the facts that passed it, in compile order.</summary>
internal sealed class AlphaMemoryPlan(int id)
{
    public readonly int Id = id;
    public readonly List<BetaPlan> Successors = [];
}
