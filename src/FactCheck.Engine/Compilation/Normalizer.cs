using System.Linq.Expressions;

namespace FactCheck.Engine.Compilation;

/// <summary>Expands or/and nesting into alternatives and rewrites forall into negations.</summary>
internal static class Normalizer
{
    private const int MaxAlternatives = 256;

    public static List<List<NormalElement>> Normalize(RuleDefinition rule, RuleElement? element)
    {
        switch (element)
        {
            case null:
                throw new RuleCompilationException(rule.Name, null, null, "the left-hand side contains a null element");
            case PatternElement p:
                CheckPattern(rule, p);
                return [[new NormalPattern(p, p.Name, p.FactType, p.Conditions)]];
            case AndElement a:
            {
                if (a.Children is null) throw new RuleCompilationException(rule.Name, a, null, "'and' has no children list");
                List<List<NormalElement>> result = [[]];
                foreach (var child in a.Children)
                {
                    var alternatives = Normalize(rule, child);
                    var product = new List<List<NormalElement>>(result.Count * alternatives.Count);
                    foreach (var left in result)
                    {
                        foreach (var right in alternatives)
                        {
                            var combined = new List<NormalElement>(left.Count + right.Count);
                            combined.AddRange(left);
                            combined.AddRange(right);
                            product.Add(combined);
                        }
                    }
                    if (product.Count > MaxAlternatives)
                        throw new RuleCompilationException(rule.Name, a, null, $"more than {MaxAlternatives} alternatives after expanding 'or'");
                    result = product;
                }
                return result;
            }
            case OrElement o:
            {
                if (o.Children is null || o.Children.Count == 0)
                    throw new RuleCompilationException(rule.Name, o, null, "'or' needs at least one child");
                var result = new List<List<NormalElement>>();
                foreach (var child in o.Children) result.AddRange(Normalize(rule, child));
                if (result.Count > MaxAlternatives)
                    throw new RuleCompilationException(rule.Name, o, null, $"more than {MaxAlternatives} alternatives after expanding 'or'");
                return result;
            }
            case NotElement n:
                return [[new NormalNegation(n, false, Normalize(rule, n.Child))]];
            case ExistsElement x:
                return [[new NormalNegation(x, true, Normalize(rule, x.Child))]];
            case ForAllElement f:
                return [ForAll(rule, f)];
            case AggregateElement g:
                if (g.Source is null) throw new RuleCompilationException(rule.Name, g, null, $"aggregate '{g.Name}' has no source pattern");
                CheckPattern(rule, g.Source);
                return [[new NormalAggregate(g)]];
            case ConditionElement c:
                if (c.Condition is null) throw new RuleCompilationException(rule.Name, c, null, "condition element has no condition");
                return [[new NormalCondition(c, c.Condition)]];
            default:
                throw new RuleCompilationException(rule.Name, element, null, $"unsupported element {element.GetType().Name}");
        }
    }

    private static void CheckPattern(RuleDefinition rule, PatternElement p)
    {
        if (string.IsNullOrWhiteSpace(p.Name)) throw new RuleCompilationException(rule.Name, p, null, "a pattern needs a name");
        if (p.FactType is null) throw new RuleCompilationException(rule.Name, p, null, $"pattern '{p.Name}' has no fact type");
        if (p.Conditions is null) throw new RuleCompilationException(rule.Name, p, null, $"pattern '{p.Name}' has no conditions list");
        foreach (var c in p.Conditions)
            if (c is null) throw new RuleCompilationException(rule.Name, p, null, $"pattern '{p.Name}' has a null condition");
    }

    // forall(base, m1..mk) == and_i not(base and not(m_i)); a must-match pattern with the base's own name is a test on the base fact.
    private static List<NormalElement> ForAll(RuleDefinition rule, ForAllElement f)
    {
        if (f.BasePattern is null) throw new RuleCompilationException(rule.Name, f, null, "forall has no base pattern");
        if (f.MustMatch is null || f.MustMatch.Count == 0) throw new RuleCompilationException(rule.Name, f, null, "forall needs at least one must-match pattern");
        var b = f.BasePattern;
        CheckPattern(rule, b);
        var result = new List<NormalElement>();
        foreach (var m in f.MustMatch)
        {
            if (m is null) throw new RuleCompilationException(rule.Name, f, null, "forall has a null must-match pattern");
            CheckPattern(rule, m);
            if (string.Equals(m.Name, b.Name, StringComparison.Ordinal))
            {
                if (!m.FactType.IsAssignableFrom(b.FactType))
                    throw new RuleCompilationException(rule.Name, m, null, $"forall pattern '{m.Name}' has type {m.FactType.Name}, not assignable from the base type {b.FactType.Name}");
                if (m.Conditions.Count == 0) continue;
                var conditions = new List<LambdaExpression>(b.Conditions) { Negate(rule, m, m.Conditions) };
                result.Add(new NormalNegation(f, false, [[new NormalPattern(m, b.Name, b.FactType, conditions)]]));
            }
            else
            {
                var inner = new NormalNegation(m, false, [[new NormalPattern(m, m.Name, m.FactType, m.Conditions)]]);
                result.Add(new NormalNegation(f, false, [[new NormalPattern(b, b.Name, b.FactType, b.Conditions), inner]]));
            }
        }
        return result;
    }

    /// <summary>!(c1 &amp;&amp; c2 ...) as one lambda whose parameters are unified by name.</summary>
    private static LambdaExpression Negate(RuleDefinition rule, RuleElement element, IReadOnlyList<LambdaExpression> conditions)
    {
        var parameters = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        var ordered = new List<ParameterExpression>();
        Expression? body = null;
        foreach (var c in conditions)
        {
            var map = new Dictionary<ParameterExpression, Expression>();
            foreach (var p in c.Parameters)
            {
                var name = p.Name ?? "";
                if (!parameters.TryGetValue(name, out var unified))
                {
                    unified = Expression.Parameter(p.Type, name);
                    parameters.Add(name, unified);
                    ordered.Add(unified);
                }
                else if (unified.Type != p.Type)
                {
                    throw new RuleCompilationException(rule.Name, element, c, $"parameter '{name}' is declared with two types ({unified.Type.Name}, {p.Type.Name})");
                }
                map[p] = unified;
            }
            if (c.Body.Type != typeof(bool)) throw new RuleCompilationException(rule.Name, element, c, "a condition must return bool");
            var rewritten = new ParameterRewriter(map).Visit(c.Body);
            body = body is null ? rewritten : Expression.AndAlso(body, rewritten);
        }
        // A must-match condition that throws counts as false (as everywhere), so the negation must see false, not the exception.
        var guarded = Expression.TryCatch(body!, Expression.Catch(typeof(Exception), Expression.Constant(false)));
        return Expression.Lambda(Expression.Not(guarded), ordered);
    }
}
