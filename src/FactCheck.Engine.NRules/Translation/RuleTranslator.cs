using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace FactCheck.Engine.NRules.Translation;

/// <summary>
/// Translates the engine's rule model into NRules' canonical model (<c>NRules.RuleModel.Builders</c>):
/// <list type="bullet">
/// <item>an <see cref="OrElement"/> is expanded into one NRules rule per alternative (as the built-in engine does),
/// each exposing the names its alternative binds;</item>
/// <item>a <see cref="PatternElement"/> is a pattern whose conditions are the same lambdas, their parameters rebound to
/// NRules declarations (names bound inside not/exists/forall/aggregates are local, so their declarations are renamed
/// when a name is reused);</item>
/// <item>count, collect, sum, min and max are an NRules collect (a hidden declaration) followed by a binding computing
/// the result; min and max guard the collection to be non-empty; group-by is NRules' own, bound as
/// <see cref="IFactGroup{TKey, TFact}"/>; a selector is also tested on the source pattern, so a fact whose selector
/// throws is left out of the aggregate (and reported) as in the built-in engine;</item>
/// <item>a <see cref="ConditionElement"/> becomes a condition of the pattern before it in its group (or, first in a
/// group, a boolean binding tested true);</item>
/// <item>a <see cref="ForAllElement"/> becomes <c>not(base and not(must))</c> per must-match pattern; a must-match pattern
/// with the base's name tests the base fact itself through an identity join;</item>
/// <item>priorities become ranks (priority, then declaration order), so NRules' agenda also breaks priority ties by
/// declaration order;</item>
/// <item>the action is empty: the session's action interceptor runs the rule's own actions.</item>
/// </list>
/// </summary>
internal sealed class RuleTranslator
{
    /// <summary>Where each condition given to NRules comes from, by reference: LHS errors are reported against it.</summary>
    public Dictionary<Expression, ErrorSite> Sites { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each NRules rule name's rule and exposed names.</summary>
    public Dictionary<string, RuleBinding> Bindings { get; } = new(StringComparer.Ordinal);

    public List<IRuleDefinition> Translate(IReadOnlyList<RuleDefinition> rules)
    {
        // Rank: higher priority first, then declaration order; NRules fires the highest number first.
        var ranks = Enumerable.Range(0, rules.Count)
            .OrderBy(i => rules[i].Priority)
            .ThenByDescending(i => i)
            .Select((index, rank) => (index, rank))
            .ToDictionary(x => x.index, x => x.rank);
        var result = new List<IRuleDefinition>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var branches = Branches(rule.Lhs);
            for (var b = 0; b < branches.Count; b++)
            {
                var name = branches.Count == 1 ? rule.Name : $"{rule.Name}|{b + 1}";
                result.Add(new RuleContext(this, rule).Build(name, ranks[i], branches[b], i));
            }
        }

        return result;
    }

    /// <summary>Disjunctive normal form of the top level: each alternative is a sequence of non-or elements.</summary>
    private static List<List<RuleElement>> Branches(RuleElement element) => element switch
    {
        AndElement and => and.Children.Aggregate(
            new List<List<RuleElement>> { new() },
            (prefixes, child) => prefixes.SelectMany(prefix => Branches(child).Select(tail => prefix.Concat(tail).ToList())).ToList()),
        OrElement or => or.Children.SelectMany(Branches).ToList(),
        _ => [[element]],
    };

    /// <summary>One rule (one alternative) being built.</summary>
    private sealed class RuleContext(RuleTranslator owner, RuleDefinition rule)
    {
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Declaration)> _exposed = [];
        private int _hidden;

        public IRuleDefinition Build(string name, int rank, List<RuleElement> elements, int index)
        {
            var builder = new RuleBuilder();
            builder.Name(name);
            builder.Priority(rank);
            var lhs = builder.LeftHandSide();
            var scope = new Dictionary<string, Declaration>(StringComparer.Ordinal);
            PatternBuilder? last = null;
            foreach (var element in elements) last = Add(lhs, element, scope, last, top: true);

            var context = Expression.Parameter(typeof(IContext), "ctx");
            builder.RightHandSide().Action(Expression.Lambda(Expression.Empty(), context));
            owner.Bindings[name] = new RuleBinding(rule, index, _exposed.ToArray());
            return builder.Build();
        }

        /// <summary>Adds an element to a group; returns the group's last pattern (for a following condition element).</summary>
        private PatternBuilder? Add(GroupBuilder group, RuleElement element, Dictionary<string, Declaration> scope, PatternBuilder? last, bool top)
        {
            switch (element)
            {
                case PatternElement pattern:
                    return Pattern(group.Pattern, pattern, scope, top);
                case AndElement and:
                    foreach (var child in and.Children) last = Add(group, child, scope, last, top);
                    return last;
                case OrElement or:
                {
                    // Only nested (not/exists): the top level was expanded into branches.
                    var alternatives = group.Group(GroupType.Or);
                    foreach (var child in or.Children) Add(alternatives.Group(GroupType.And), child, new(scope), null, top: false);
                    return last;
                }
                case NotElement not:
                    Nested(group.Not().Group(GroupType.And), not.Child, scope);
                    return last;
                case ExistsElement exists:
                    Nested(group.Exists().Group(GroupType.And), exists.Child, scope);
                    return last;
                case ForAllElement forAll:
                    foreach (var must in forAll.MustMatch) ForAll(group, forAll.BasePattern, must, scope);
                    return last;
                case AggregateElement aggregate:
                    return Aggregate(group, aggregate, scope, top);
                case ConditionElement condition:
                    if (last is not null)
                    {
                        last.Condition(Rebind(condition.Condition, scope, new ErrorSite(rule, condition, $"condition {condition.Condition}")));
                        return last;
                    }

                    return Test(group, condition, scope);
                default:
                    throw new RuleCompilationException(rule.Name, element, null, $"element {element.GetType().Name} has no NRules translation");
            }
        }

        private void Nested(GroupBuilder group, RuleElement child, Dictionary<string, Declaration> scope)
        {
            var inner = new Dictionary<string, Declaration>(scope, StringComparer.Ordinal);
            Add(group, child, inner, null, top: false);
        }

        private PatternBuilder Pattern(Func<Type, string?, PatternBuilder> make, PatternElement pattern, Dictionary<string, Declaration> scope, bool top)
        {
            var builder = make(pattern.FactType, Declare(pattern.Name));
            scope[pattern.Name] = builder.Declaration;
            if (top) _exposed.Add((pattern.Name, builder.Declaration.Name));
            foreach (var condition in pattern.Conditions)
            {
                builder.Condition(Rebind(condition, scope, new ErrorSite(rule, pattern, $"condition {condition}")));
            }

            return builder;
        }

        private void ForAll(GroupBuilder group, PatternElement basePattern, PatternElement must, Dictionary<string, Declaration> scope)
        {
            var outer = new Dictionary<string, Declaration>(scope, StringComparer.Ordinal);
            var and = group.Not().Group(GroupType.And);
            var baseBuilder = Pattern(and.Pattern, basePattern, outer, top: false);
            var inner = new Dictionary<string, Declaration>(outer, StringComparer.Ordinal);
            var negated = and.Not().Group(GroupType.And);
            if (must.Name != basePattern.Name)
            {
                Pattern(negated.Pattern, must, inner, top: false);
                return;
            }

            // The base fact itself: a fresh declaration joined to the base fact by identity carries the tests.
            var self = negated.Pattern(must.FactType, Declare("__self"));
            var selfParameter = self.Declaration.ToParameterExpression();
            var baseParameter = baseBuilder.Declaration.ToParameterExpression();
            self.Condition(Expression.Lambda(
                Expression.ReferenceEqual(Expression.Convert(selfParameter, typeof(object)), Expression.Convert(baseParameter, typeof(object))),
                selfParameter, baseParameter));
            inner[must.Name] = self.Declaration;
            foreach (var condition in must.Conditions)
            {
                self.Condition(Rebind(condition, inner, new ErrorSite(rule, must, $"condition {condition}")));
            }
        }

        private PatternBuilder Aggregate(GroupBuilder group, AggregateElement aggregate, Dictionary<string, Declaration> scope, bool top)
        {
            var source = aggregate.Source;
            var factType = source.FactType;
            var selector = aggregate.Selector is null ? null : Retype(aggregate.Selector, factType);
            var resultType = AggregateElement.ResultType(aggregate.Kind, factType, selector?.ReturnType);
            var collected = aggregate.Kind == AggregateKind.GroupBy
                ? typeof(IGrouping<,>).MakeGenericType(selector!.ReturnType, factType)
                : typeof(IEnumerable<>).MakeGenericType(factType);

            var collection = group.Pattern(collected, Declare($"__{aggregate.Name}"));
            var builder = collection.Aggregate();
            var inner = new Dictionary<string, Declaration>(scope, StringComparer.Ordinal);
            var sourceBuilder = Pattern(builder.Pattern, source, inner, top: false);
            if (selector is not null)
            {
                // Evaluated once per fact as it enters: a throwing selector leaves the fact out, reported.
                var parameter = sourceBuilder.Declaration.ToParameterExpression();
                var probe = Expression.Lambda(Expression.Block(Expression.Invoke(selector, parameter), Expression.Constant(true)), parameter);
                owner.Sites[probe] = new ErrorSite(rule, aggregate, $"selector {aggregate.Selector}");
                sourceBuilder.Condition(probe);
            }

            var collectionParameter = collection.Declaration.ToParameterExpression();
            LambdaExpression binding;
            if (aggregate.Kind == AggregateKind.GroupBy)
            {
                var fact = Expression.Parameter(factType, "x");
                builder.GroupBy(selector!, Expression.Lambda(fact, fact));
                var of = typeof(FactGroup<,>).MakeGenericType(selector!.ReturnType, factType).GetMethod(nameof(FactGroup<int, int>.Of))!;
                binding = Expression.Lambda(Expression.Call(of, collectionParameter), collectionParameter);
            }
            else
            {
                builder.Collect();
                if (aggregate.Kind is AggregateKind.Min or AggregateKind.Max) collection.Condition(Aggregates.NonEmpty(factType, collectionParameter));
                binding = Aggregates.Binding(aggregate.Kind, factType, selector, collectionParameter);
            }

            var result = group.Pattern(resultType, Declare(aggregate.Name));
            result.Binding().BindingExpression(binding);
            scope[aggregate.Name] = result.Declaration;
            if (top) _exposed.Add((aggregate.Name, result.Declaration.Name));
            return result;
        }

        /// <summary>A condition element with no pattern before it in its group: a boolean binding, tested true.</summary>
        private PatternBuilder Test(GroupBuilder group, ConditionElement condition, Dictionary<string, Declaration> scope)
        {
            var test = group.Pattern(typeof(bool), Declare("__test"));
            test.Binding().BindingExpression(Rebind(condition.Condition, scope, new ErrorSite(rule, condition, $"condition {condition.Condition}")));
            var parameter = test.Declaration.ToParameterExpression();
            test.Condition(Expression.Lambda(parameter, parameter));
            return test;
        }

        /// <summary>A declaration name unique in the rule (local names may repeat in separate groups).</summary>
        private string Declare(string name)
        {
            if (name.StartsWith("__", StringComparison.Ordinal)) name = $"{name}{++_hidden}";
            var unique = name;
            for (var n = 2; !_declared.Add(unique); n++) unique = $"{name}__{n}";
            return unique;
        }

        /// <summary>The lambda over NRules declarations: parameters matched by name, converted where the declared type differs.</summary>
        private LambdaExpression Rebind(LambdaExpression lambda, Dictionary<string, Declaration> scope, ErrorSite site)
        {
            var parameters = new List<ParameterExpression>(lambda.Parameters.Count);
            var replacements = new Dictionary<ParameterExpression, Expression>();
            foreach (var p in lambda.Parameters)
            {
                var declared = scope[p.Name!].ToParameterExpression();
                parameters.Add(declared);
                replacements[p] = declared.Type == p.Type ? declared : Expression.Convert(declared, p.Type);
            }

            var rebound = Expression.Lambda(new Replacer(replacements).Visit(lambda.Body), parameters);
            owner.Sites[rebound] = site;
            return rebound;
        }

        /// <summary>A one-parameter selector taking exactly <paramref name="type"/> (NRules requires the source's type).</summary>
        private static LambdaExpression Retype(LambdaExpression selector, Type type)
        {
            var p = selector.Parameters[0];
            if (p.Type == type) return selector;
            var typed = Expression.Parameter(type, p.Name);
            var body = new Replacer(new() { [p] = Expression.Convert(typed, p.Type) }).Visit(selector.Body);
            return Expression.Lambda(body, typed);
        }
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}

/// <summary>Where a condition or selector comes from, for the errors it raises.</summary>
internal sealed record ErrorSite(RuleDefinition Rule, RuleElement? Element, string What);

/// <summary>An NRules rule's FactCheck rule, its declaration index, and the names its matches expose (rule name, NRules declaration).</summary>
internal sealed record RuleBinding(RuleDefinition Rule, int Index, IReadOnlyList<(string Name, string Declaration)> Exposed);
