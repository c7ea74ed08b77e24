using System.Linq.Expressions;

namespace FactCheck.Engine.Tests;

/// <summary>
/// The rule model's meaning, straight: nested loops over all facts, conditions evaluated on the original lambdas
/// (a condition that throws counts as false). No network, no indexes, no incrementality.
/// </summary>
internal sealed class ReferenceEvaluator(IReadOnlyList<object> facts)
{
    private static readonly Dictionary<LambdaExpression, Delegate> Compiled = new();

    private sealed record Env(IReadOnlyList<(string Name, object? Value)> Bindings)
    {
        public Env With(string name, object? value) => new([.. Bindings, (name, value)]);

        public object? Get(string name)
        {
            for (var i = Bindings.Count - 1; i >= 0; i--)
                if (Bindings[i].Name == name) return Bindings[i].Value;
            throw new KeyNotFoundException(name);
        }
    }

    public List<RuleMatch> Matches(IEnumerable<RuleDefinition> rules)
    {
        var result = new List<RuleMatch>();
        foreach (var rule in rules)
            foreach (var env in Eval(rule.Lhs, new Env([])))
                result.Add(new RuleMatch(rule, env.Bindings.Select(b => b.Name).ToList(), env.Bindings.Select(b => b.Value).ToList()));
        return result;
    }

    private IEnumerable<Env> Eval(RuleElement e, Env env)
    {
        switch (e)
        {
            case PatternElement p:
                foreach (var f in facts)
                {
                    if (!p.FactType.IsInstanceOfType(f)) continue;
                    var next = env.With(p.Name, f);
                    if (p.Conditions.All(c => Holds(c, next))) yield return next;
                }
                break;
            case AndElement a:
            {
                IEnumerable<Env> current = [env];
                foreach (var child in a.Children)
                {
                    var c = child;
                    current = current.SelectMany(x => Eval(c, x)).ToList();
                }
                foreach (var x in current) yield return x;
                break;
            }
            case OrElement o:
                foreach (var child in o.Children)
                    foreach (var x in Eval(child, env)) yield return x;
                break;
            case NotElement n:
                if (!Eval(n.Child, env).Any()) yield return env;
                break;
            case ExistsElement x:
                if (Eval(x.Child, env).Any()) yield return env;
                break;
            case ForAllElement f:
            {
                var ok = true;
                foreach (var b in Eval(f.BasePattern, env))
                {
                    foreach (var m in f.MustMatch)
                    {
                        var holds = m.Name == f.BasePattern.Name
                            ? m.Conditions.All(c => Holds(c, b))
                            : Eval(m, b).Any();
                        if (!holds) ok = false;
                    }
                }
                if (ok) yield return env;
                break;
            }
            case ConditionElement c:
                if (Holds(c.Condition, env)) yield return env;
                break;
            case AggregateElement g:
                foreach (var x in Aggregate(g, env)) yield return x;
                break;
            default:
                throw new NotSupportedException(e.GetType().Name);
        }
    }

    private IEnumerable<Env> Aggregate(AggregateElement g, Env env)
    {
        var source = Eval(g.Source, env).Select(x => x.Get(g.Source.Name)!).ToList();
        var selected = new List<(object Fact, object? Value)>();
        foreach (var f in source)
        {
            if (g.Selector is null)
            {
                selected.Add((f, null));
                continue;
            }
            try
            {
                selected.Add((f, Invoke(g.Selector, [f])));
            }
            catch (Exception)
            {
                // a selector that throws leaves the fact out
            }
        }
        switch (g.Kind)
        {
            case AggregateKind.Count:
                yield return env.With(g.Name, selected.Count);
                break;
            case AggregateKind.Sum:
                yield return env.With(g.Name, unchecked((int)selected.Sum(x => (long)(int)x.Value!)));
                break;
            case AggregateKind.Min:
            case AggregateKind.Max:
                if (selected.Count == 0) break;
                var values = selected.Select(x => x.Value).ToList();
                yield return env.With(g.Name, g.Kind == AggregateKind.Min ? values.Min() : values.Max());
                break;
            case AggregateKind.Collect:
                yield return env.With(g.Name, MakeList(g.Source.FactType, selected.Select(x => x.Fact)));
                break;
            case AggregateKind.GroupBy:
                foreach (var group in selected.GroupBy(x => x.Value))
                    yield return env.With(g.Name, MakeGroup(g.Selector!.ReturnType, g.Source.FactType, group.Key, group.Select(x => (object?)x.Fact).ToArray()));
                break;
        }
    }

    private static object MakeGroup(Type key, Type fact, object? k, object?[] items)
    {
        var create = typeof(FactCheck.Engine.Network.FactGroup<,>).MakeGenericType(key, fact).GetMethod("Create")!;
        return create.Invoke(null, [k ?? FactCheck.Engine.Network.NullKey.Instance, items])!;
    }

    private static object MakeList(Type t, IEnumerable<object> items)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(t))!;
        foreach (var i in items) list.Add(i);
        return list;
    }

    private static bool Holds(LambdaExpression c, Env env)
    {
        try
        {
            return (bool)Invoke(c, c.Parameters.Select(p => env.Get(p.Name!)).ToArray())!;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static object? Invoke(LambdaExpression c, object?[] args)
    {
        Delegate d;
        lock (Compiled)
        {
            if (!Compiled.TryGetValue(c, out d!)) Compiled[c] = d = c.Compile();
        }
        try
        {
            return d.DynamicInvoke(args);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
