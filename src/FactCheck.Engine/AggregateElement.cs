using System.Linq.Expressions;

namespace FactCheck.Engine;

/// <summary>
/// Aggregates the facts matching <paramref name="Source"/> (for each combination of earlier bindings) and binds the
/// result to <paramref name="Name"/>. The source pattern's conditions may refer to earlier bindings; its own name is
/// local to the aggregate. Results are maintained incrementally; test them with a later <see cref="ConditionElement"/>
/// (or a later pattern's conditions) whose parameter is named <paramref name="Name"/>.
/// </summary>
/// <param name="Name">The name the result is bound to.</param>
/// <param name="Kind">What to compute; see <see cref="AggregateKind"/> for the result type of each kind.</param>
/// <param name="Source">The facts aggregated.</param>
/// <param name="Selector">
/// For Sum/Min/Max the value, for GroupBy the key: a one-parameter lambda over the source fact type. Null for Count and Collect.
/// </param>
public sealed record AggregateElement(string Name, AggregateKind Kind, PatternElement Source, LambdaExpression? Selector = null) : RuleElement
{
    /// <summary>The static type bound to <see cref="Name"/> for a given aggregate (used to type-check later conditions).</summary>
    public static Type ResultType(AggregateKind kind, Type sourceType, Type? selectorType) => kind switch
    {
        AggregateKind.Count => typeof(int),
        AggregateKind.Collect => typeof(IReadOnlyList<>).MakeGenericType(sourceType),
        AggregateKind.GroupBy => typeof(IFactGroup<,>).MakeGenericType(selectorType ?? typeof(object), sourceType),
        _ => selectorType ?? typeof(object),
    };
}
