using FactCheck.Engine.Compilation;
using FactCheck.Engine.Network;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// What a session knows of one type of fact: the type nodes its facts enter, and a small number of its own. The
/// session keeps each fact's type (as its <see cref="Id"/>) beside its handle in insertion order, so that a scan for the
/// facts of some types (a lazy memory's replay, a query) reads that array and touches only the facts it wants: reading
/// every fact's type from the fact itself was a cache miss per fact of the session, half a million of them per replay.
/// </summary>
internal sealed class FactType(Type type, TypeNodePlan[] roots, BetaNode[] prefetched, int id)
{
    public readonly Type Type = type;

    /// <summary>The type nodes of the rule set whose type the fact's is assignable to.</summary>
    public readonly TypeNodePlan[] Roots = roots;

    /// <summary>The nodes <see cref="Roots"/>' type-level memories feed that an insertion batch asks to prefetch a fact's keys for.</summary>
    public readonly BetaNode[] Prefetched = prefetched;

    /// <summary>0, 1, 2... in the order the session met the types: an index into per-scan tables.</summary>
    public readonly int Id = id;
}
