using System.Linq.Expressions;
using System.Reflection;

namespace FactCheck.Engine.NRules.Translation;

/// <summary>
/// NRules has <c>collect</c> and <c>group by</c> but no count, sum, min or max: those are a collect followed by a binding
/// that computes them from the collection (which NRules keeps in insertion order, an update keeping its place).
/// </summary>
internal static class Aggregates
{
    private static MethodInfo Method(string name) => typeof(Aggregates).GetMethod(name, BindingFlags.Static | BindingFlags.Public)!;

    /// <summary>The binding lambda <c>(IEnumerable&lt;T&gt; source) =&gt; result</c> for one aggregate kind.</summary>
    public static LambdaExpression Binding(AggregateKind kind, Type factType, LambdaExpression? selector, ParameterExpression source)
    {
        Expression body = kind switch
        {
            AggregateKind.Count => Expression.Call(Method(nameof(Count)).MakeGenericMethod(factType), source),
            AggregateKind.Collect => Expression.Call(Method(nameof(ToList)).MakeGenericMethod(factType), source),
            AggregateKind.Sum => Expression.Call(Method(nameof(Sum)).MakeGenericMethod(factType, selector!.ReturnType), source, Expression.Constant(selector.Compile())),
            AggregateKind.Min => Expression.Call(Method(nameof(Min)).MakeGenericMethod(factType, selector!.ReturnType), source, Expression.Constant(selector.Compile())),
            AggregateKind.Max => Expression.Call(Method(nameof(Max)).MakeGenericMethod(factType, selector!.ReturnType), source, Expression.Constant(selector.Compile())),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a collection aggregate"),
        };
        return Expression.Lambda(body, source);
    }

    /// <summary>The non-empty guard of min and max (no match when nothing is aggregated).</summary>
    public static LambdaExpression NonEmpty(Type factType, ParameterExpression source) =>
        Expression.Lambda(Expression.Call(Method(nameof(Any)).MakeGenericMethod(factType), source), source);

    public static bool Any<T>(IEnumerable<T> source)
    {
        using var e = source.GetEnumerator();
        return e.MoveNext();
    }

    public static int Count<T>(IEnumerable<T> source) => source is IReadOnlyCollection<T> c ? c.Count : source.Count();

    public static IReadOnlyList<T> ToList<T>(IEnumerable<T> source) => source.ToArray();

    public static TValue Sum<T, TValue>(IEnumerable<T> source, Func<T, TValue> selector)
    {
        // The built-in engine sums exactly what the type's own addition gives, in insertion order.
        var sum = default(TValue)!;
        foreach (var fact in source) sum = Add(sum, selector(fact));
        return sum;
    }

    public static TValue Min<T, TValue>(IEnumerable<T> source, Func<T, TValue> selector) => Extreme(source, selector, -1);

    public static TValue Max<T, TValue>(IEnumerable<T> source, Func<T, TValue> selector) => Extreme(source, selector, 1);

    private static TValue Extreme<T, TValue>(IEnumerable<T> source, Func<T, TValue> selector, int sign)
    {
        var comparer = Comparer<TValue>.Default;
        var first = true;
        TValue best = default!;
        foreach (var fact in source)
        {
            var value = selector(fact);
            if (first || comparer.Compare(value, best) * sign > 0) best = value;
            first = false;
        }

        return best;
    }

    private static TValue Add<TValue>(TValue a, TValue b) => (a, b) switch
    {
        (int x, int y) => (TValue)(object)(x + y),
        (long x, long y) => (TValue)(object)(x + y),
        (float x, float y) => (TValue)(object)(x + y),
        (double x, double y) => (TValue)(object)(x + y),
        (decimal x, decimal y) => (TValue)(object)(x + y),
        _ => throw new NotSupportedException($"sum of {typeof(TValue).Name}"),
    };
}
