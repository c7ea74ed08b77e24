using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Running;

/// <summary>
/// Facts equal by content: their records' own equality, or the same type with every property equal, lists compared
/// item by item (a record's equality compares arrays by reference). Two facts it calls equal are interchangeable in a
/// session; one it calls different is retracted and inserted again, which is always correct, only slower.
/// </summary>
internal sealed class FactContent : IEqualityComparer<IFact>
{
    public static readonly FactContent Instance = new();

    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]> Getters = new();

    public bool Equals(IFact? x, IFact? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.GetType() != y.GetType()) return false;
        if (x.Equals(y)) return true;
        foreach (var get in Getters.GetOrAdd(x.GetType(), Compile))
        {
            if (!Same(get(x), get(y))) return false;
        }

        return true;
    }

    public int GetHashCode(IFact fact) => HashCode.Combine(fact.GetType(), fact.Key, fact.Line);

    private static bool Same(object? a, object? b)
    {
        if (Equals(a, b)) return true;
        if (a is string || b is string || a is not IEnumerable left || b is not IEnumerable right) return false;
        var l = left.GetEnumerator();
        var r = right.GetEnumerator();
        while (true)
        {
            var more = l.MoveNext();
            if (more != r.MoveNext()) return false;
            if (!more) return true;
            if (!Same(l.Current, r.Current)) return false;
        }
    }

    private static Func<object, object?>[] Compile(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                var fact = Expression.Parameter(typeof(object));
                var body = Expression.Convert(Expression.Property(Expression.Convert(fact, type), p), typeof(object));
                return Expression.Lambda<Func<object, object?>>(body, fact).Compile();
            })
            .ToArray();
}
