using System.Linq.Expressions;

namespace FactCheck.Engine.Tests;

/// <summary>Random rule models over <see cref="Item"/> and <see cref="Tag"/> (seeded, so a failure can be replayed).</summary>
internal sealed class RuleGenerator(Random rng)
{
    private static readonly Type[] Types = [typeof(Item), typeof(Tag)];
    private int _names;

    private sealed record Binding(string Name, Type Type);

    public RuleDefinition Rule(int index)
    {
        var scope = new List<Binding>();
        var elements = new List<RuleElement> { Pattern(scope, join: false) };
        var extra = rng.Next(0, 3);
        for (var i = 0; i < extra; i++) elements.Add(Element(scope));
        var lhs = elements.Count == 1 ? elements[0] : new AndElement(elements);
        return new RuleDefinition($"r{index}", rng.Next(0, 3), lhs, []);
    }

    private RuleElement Element(List<Binding> scope)
    {
        var roll = rng.Next(100);
        if (roll < 35) return Pattern(scope, join: true);
        if (roll < 47) return new NotElement(Pattern([.. scope], join: true));
        if (roll < 55) return new ExistsElement(Pattern([.. scope], join: true));
        if (roll < 63)
        {
            var inner = new List<Binding>(scope);
            var children = new List<RuleElement> { Pattern(inner, join: true), Pattern(inner, join: true) };
            if (rng.Next(3) == 0)
            {
                // alternatives: each branch sees only the outer scope
                var a = Pattern([.. scope], join: true);
                children = [new OrElement(a, Pattern([.. scope], join: true, a.Name, a.FactType)), Pattern([.. scope, new Binding(a.Name, a.FactType)], join: true)];
            }
            return rng.Next(2) == 0 ? new NotElement(new AndElement(children)) : new ExistsElement(new AndElement(children));
        }
        if (roll < 78) return Aggregate(scope);
        if (roll < 84) return ForAll(scope);
        if (roll < 90) return Or(scope);
        return new ConditionElement(Condition(scope));
    }

    private PatternElement Pattern(List<Binding> scope, bool join, string? name = null, Type? type = null)
    {
        name ??= $"n{_names++}";
        type ??= Types[rng.Next(Types.Length)];
        var self = Expression.Parameter(type, name);
        var conditions = new List<LambdaExpression>();
        if (rng.Next(2) == 0) conditions.Add(Expression.Lambda(Alpha(self), self));
        if (join && scope.Count > 0 && rng.Next(10) < 8)
        {
            var other = scope[rng.Next(scope.Count)];
            var o = Expression.Parameter(other.Type, other.Name);
            conditions.Add(Expression.Lambda(Join(self, o), rng.Next(2) == 0 ? [self, o] : [o, self]));
        }
        scope.Add(new Binding(name, type));
        return new PatternElement(name, type, conditions);
    }

    private Expression Alpha(ParameterExpression x)
    {
        var kind = Expression.Property(x, "Kind");
        var value = Expression.Property(x, "Value");
        return rng.Next(6) switch
        {
            0 => Expression.Equal(kind, Expression.Constant(rng.Next(4))),
            1 => Expression.GreaterThan(value, Expression.Constant(rng.Next(4))),
            2 => Expression.Equal(Expression.Modulo(value, Expression.Constant(2)), Expression.Constant(0)),
            3 => Expression.NotEqual(kind, Expression.Constant(rng.Next(4))),
            4 => Expression.AndAlso(Expression.LessThan(value, Expression.Constant(4)), Expression.GreaterThan(kind, Expression.Constant(0))),
            // throws DivideByZeroException when Value == 0: must count as false
            _ => Expression.GreaterThan(Expression.Divide(Expression.Constant(6), value), Expression.Constant(2)),
        };
    }

    private Expression Join(ParameterExpression x, ParameterExpression y)
    {
        Expression P(ParameterExpression p, string m) => Expression.Property(p, m);
        var key = rng.Next(3) switch
        {
            0 => Expression.Equal(P(x, "Kind"), P(y, "Kind")),
            1 => Expression.Equal(P(y, "Value"), P(x, "Kind")),
            _ => Expression.Equal(P(x, "Value"), P(y, "Value")),
        };
        return rng.Next(6) switch
        {
            0 => Expression.AndAlso(key, Expression.NotEqual(P(x, "Id"), P(y, "Id"))),
            1 => Expression.GreaterThan(Expression.Add(P(x, "Value"), P(y, "Value")), Expression.Constant(4)),
            2 => Expression.AndAlso(key, Expression.Equal(P(x, "Value"), P(y, "Kind"))),
            3 => Expression.AndAlso(Expression.LessThanOrEqual(P(x, "Kind"), P(y, "Kind")), key),
            _ => key,
        };
    }

    private RuleElement Aggregate(List<Binding> scope)
    {
        var source = Pattern([.. scope], join: true);
        var kind = (AggregateKind)rng.Next(6);
        var s = Expression.Parameter(source.FactType, "s");
        LambdaExpression? selector = kind switch
        {
            AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max => Expression.Lambda(Expression.Property(s, "Value"), s),
            AggregateKind.GroupBy => Expression.Lambda(Expression.Property(s, "Kind"), s),
            _ => null,
        };
        var name = $"g{_names++}";
        var aggregate = new AggregateElement(name, kind, source, selector);
        if (rng.Next(10) < 4) return aggregate;
        var resultType = AggregateElement.ResultType(kind, source.FactType, selector?.ReturnType);
        var g = Expression.Parameter(resultType, name);
        Expression test = kind switch
        {
            AggregateKind.Collect or AggregateKind.GroupBy => Expression.GreaterThanOrEqual(
                Expression.Property(g, typeof(IReadOnlyCollection<>).MakeGenericType(source.FactType).GetProperty("Count")!),
                Expression.Constant(rng.Next(1, 3))),
            _ => Expression.GreaterThanOrEqual(g, Expression.Constant(rng.Next(0, 4))),
        };
        return new AndElement(aggregate, new ConditionElement(Expression.Lambda(test, g)));
    }

    private RuleElement ForAll(List<Binding> scope)
    {
        var inner = new List<Binding>(scope);
        var b = Pattern(inner, join: true);
        PatternElement must;
        if (rng.Next(2) == 0)
        {
            var self = Expression.Parameter(b.FactType, b.Name);
            must = new PatternElement(b.Name, b.FactType, [Expression.Lambda(Alpha(self), self)]);
        }
        else
        {
            must = Pattern(inner, join: true);
        }
        return new ForAllElement(b, [must]);
    }

    private RuleElement Or(List<Binding> scope)
    {
        var name = $"n{_names++}";
        var type = Types[rng.Next(Types.Length)];
        var a = Pattern([.. scope], join: true, name, type);
        var b = Pattern([.. scope], join: true, name, type);
        scope.Add(new Binding(name, type));
        return new OrElement(a, b);
    }

    private LambdaExpression Condition(List<Binding> scope)
    {
        var x = scope[rng.Next(scope.Count)];
        var p = Expression.Parameter(x.Type, x.Name);
        return Expression.Lambda(Alpha(p), p);
    }
}
