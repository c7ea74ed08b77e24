using System.Linq.Expressions;
using FactCheck.Engine.Network;
using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Compilation;

/// <summary>Builds the network blueprint (alpha tree + one beta chain per rule alternative) from the rule model.</summary>
internal sealed class RuleSetBuilder
{
    private readonly List<TypeNodePlan> _typeNodes = [];
    private readonly List<BetaPlan> _plans = [];
    private readonly List<BetaPlan> _heads = [];
    private RuleDefinition _rule = null!;
    private int _memoryCount;
    private readonly Dictionary<AlphaMemoryPlan, RootJoinPlan> _rootJoins = [];

    public CompiledRuleSet Build(IReadOnlyList<RuleDefinition> rules)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i] ?? throw new RuleCompilationException($"#{i}", null, null, "null rule");
            if (string.IsNullOrWhiteSpace(r.Name)) throw new RuleCompilationException($"#{i}", null, null, "a rule needs a name");
            if (!names.Add(r.Name)) throw new RuleCompilationException(r.Name, null, null, "two rules have this name");
            if (r.Lhs is null) throw new RuleCompilationException(r.Name, null, null, "the rule has no left-hand side");
            if (r.Actions is null) throw new RuleCompilationException(r.Name, null, null, "the rule has no actions list");
            foreach (var a in r.Actions)
                if (a?.Execute is null) throw new RuleCompilationException(r.Name, null, null, "the rule has a null action");
        }

        // Agenda rank: priority descending, then declaration order.
        var order = new int[rules.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => rules[a].Priority != rules[b].Priority ? rules[b].Priority.CompareTo(rules[a].Priority) : a.CompareTo(b));
        var ranks = new int[rules.Count];
        for (var i = 0; i < order.Length; i++) ranks[order[i]] = i;

        for (var i = 0; i < rules.Count; i++)
        {
            _rule = rules[i];
            foreach (var alternative in Normalizer.Normalize(_rule, _rule.Lhs))
            {
                var scope = new List<Level> { new(null, null) };
                var (head, tail) = BuildChain(alternative, scope, top: true);
                var bound = new List<string>();
                var levels = new List<int>();
                for (var l = 0; l < scope.Count; l++)
                {
                    if (scope[l].Name is { } n)
                    {
                        bound.Add(n);
                        levels.Add(l);
                    }
                }
                var terminal = Add(new TerminalPlan(_rule, i, ranks[i], [.. bound], [.. levels], scope.Count - 1));
                if (tail is null) head = terminal;
                else if (tail is RootJoinPlan shared) shared.Successors.Add(terminal);
                else tail.Next = terminal;
                if (!_heads.Contains(head!)) _heads.Add(head!);
            }
        }
        return new CompiledRuleSet(rules, _typeNodes, [.. _plans], [.. _heads], rules.Count, _memoryCount);
    }

    private T Add<T>(T plan) where T : BetaPlan
    {
        plan.Id = _plans.Count;
        _plans.Add(plan);
        return plan;
    }

    private (BetaPlan? Head, BetaPlan? Tail) BuildChain(List<NormalElement> elements, List<Level> scope, bool top = false)
    {
        BetaPlan? head = null, tail = null;
        void Append(BetaPlan p)
        {
            if (tail is null) head = p;
            else if (tail is RootJoinPlan shared) shared.Successors.Add(p);
            else tail.Next = p;
            tail = p;
        }

        foreach (var element in elements)
        {
            switch (element)
            {
                case NormalPattern p:
                {
                    CheckNewName(p.Source, p.Name, scope);
                    var spec = Analyze(p, scope);
                    if (top && head is null && spec.Keys is null && spec.Residual is null)
                    {
                        // Rules starting with the same alpha memory share one token per fact.
                        if (!_rootJoins.TryGetValue(spec.Memory, out var root))
                        {
                            root = Add(new RootJoinPlan(spec.Memory));
                            _rootJoins.Add(spec.Memory, root);
                            spec.Memory.Successors.Add(root);
                        }
                        Append(root);
                    }
                    else
                    {
                        var plan = Add(new JoinPlan(spec));
                        spec.Memory.Successors.Add(plan);
                        Append(plan);
                    }
                    scope.Add(new Level(p.Name, p.Type));
                    break;
                }
                case NormalNegation n when n.Branches.Count == 1 && n.Branches[0].Count == 1 && n.Branches[0][0] is NormalPattern p:
                {
                    CheckNewName(p.Source, p.Name, scope);
                    var spec = Analyze(p, scope);
                    var plan = Add(new NegationPlan(spec, n.Exists));
                    spec.Memory.Successors.Add(plan);
                    Append(plan);
                    scope.Add(new Level(null, null));
                    break;
                }
                case NormalNegation n:
                {
                    var subnet = Add(new SubnetPlan(n.Exists));
                    foreach (var branch in n.Branches)
                    {
                        var inner = new List<Level>(scope);
                        var (h, t) = BuildChain(branch, inner);
                        var collector = Add(new CollectorPlan(subnet, inner.Count - scope.Count));
                        if (t is null) h = collector; else t.Next = collector;
                        subnet.Heads.Add(h!);
                    }
                    Append(subnet);
                    scope.Add(new Level(null, null));
                    break;
                }
                case NormalAggregate a:
                {
                    CheckNewName(a.Element, a.Element.Name, scope);
                    var plan = Add(Aggregate(a.Element, scope));
                    plan.Spec.Memory.Successors.Add(plan);
                    Append(plan);
                    var selectorType = a.Element.Selector?.ReturnType;
                    scope.Add(new Level(a.Element.Name, AggregateElement.ResultType(a.Element.Kind, a.Element.Source.FactType, selectorType)));
                    break;
                }
                case NormalCondition c:
                {
                    CheckLambda(c.Source, c.Condition, null, null, scope);
                    var token = Expression.Parameter(typeof(Token), "token");
                    var map = ConditionCompiler.Map(c.Condition, null, null, token, scope.Count - 1, scope);
                    var body = ConditionCompiler.Rewrite(c.Condition.Body, map);
                    var test = Expression.Lambda<Func<Token, bool>>(body, token).Compile();
                    Append(Add(new FilterPlan(test, new ErrorSite(_rule, c.Source, $"condition {c.Condition}"))));
                    break;
                }
            }
        }
        return (head, tail);
    }

    private void CheckNewName(RuleElement element, string? name, List<Level> scope)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new RuleCompilationException(_rule.Name, element, null, "a binding needs a name");
        if (ConditionCompiler.Find(scope, name) >= 0)
            throw new RuleCompilationException(_rule.Name, element, null, $"the name '{name}' is already bound earlier in the rule");
    }

    /// <summary>Checks a condition's parameters against the bindings in scope (plus the pattern's own name and type).</summary>
    private void CheckLambda(RuleElement element, LambdaExpression lambda, string? ownName, Type? ownType, List<Level> scope)
    {
        if (lambda.ReturnType != typeof(bool))
            throw new RuleCompilationException(_rule.Name, element, lambda, $"condition {lambda} must return bool, not {lambda.ReturnType.Name}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in lambda.Parameters)
        {
            var name = p.Name ?? "";
            if (!seen.Add(name)) throw new RuleCompilationException(_rule.Name, element, lambda, $"condition {lambda} has two parameters named '{name}'");
            Type bound;
            if (ownName is not null && string.Equals(name, ownName, StringComparison.Ordinal))
            {
                bound = ownType!;
            }
            else
            {
                var level = ConditionCompiler.Find(scope, name);
                if (level < 0)
                {
                    var known = new List<string>();
                    if (ownName is not null) known.Add(ownName);
                    foreach (var l in scope) if (l.Name is not null) known.Add(l.Name);
                    throw new RuleCompilationException(_rule.Name, element, lambda,
                        $"condition {lambda}: parameter '{name}' names no binding (bound here: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
                }
                bound = scope[level].Type!;
            }
            if (!p.Type.IsAssignableFrom(bound))
                throw new RuleCompilationException(_rule.Name, element, lambda,
                    $"condition {lambda}: parameter '{name}' is declared {p.Type.Name} but is bound to {bound.Name}");
        }
    }

    private sealed record Conjunct(Expression Body, LambdaExpression From);

    /// <summary>Splits a pattern's conditions into shared alpha tests, hash-join keys and a residual test.</summary>
    private JoinSpec Analyze(NormalPattern p, List<Level> scope)
    {
        var leftLevel = scope.Count - 1;
        var alphas = new List<Conjunct>();
        var leftKeys = new List<Expression>();
        var rightKeys = new List<Expression>();
        var keyFrom = new List<LambdaExpression>();
        var residual = new List<Conjunct>();
        var fact = Expression.Parameter(typeof(object), "fact");
        var token = Expression.Parameter(typeof(Token), "token");
        // Conjuncts are hoisted (alpha or key) only while every earlier one was: a guard like `a.X != null && ...` keeps protecting what follows it.
        var hoisting = true;
        foreach (var lambda in p.Conditions)
        {
            CheckLambda(p.Source, lambda, p.Name, p.Type, scope);
            var own = FindOwn(lambda, p.Name);
            foreach (var c in Flatten(lambda.Body))
            {
                if (!hoisting)
                {
                    residual.Add(new Conjunct(c, lambda));
                    continue;
                }
                var used = ParameterUsage.Of(c, lambda.Parameters);
                var usesOwn = own is not null && used.Contains(own);
                if (used.Count == 0 || (usesOwn && used.Count == 1))
                {
                    alphas.Add(new Conjunct(c, lambda));
                    continue;
                }
                // `own.X == earlier.Y`, and `own.B != earlier.C` on (non-nullable) bools, which is `own.B == !earlier.C`: a
                // pairing on opposite flags then probes only the matching half instead of testing every candidate.
                var negated = c is BinaryExpression { NodeType: ExpressionType.NotEqual, Method: null } ne
                    && ne.Left.Type == typeof(bool) && ne.Right.Type == typeof(bool);
                if (c is BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } eq && own is not null
                    && eq.Left.Type == eq.Right.Type && (negated || (eq.NodeType == ExpressionType.Equal && ConditionCompiler.KeyEligible(eq.Left.Type, eq.Method))))
                {
                    var l = ParameterUsage.Of(eq.Left, lambda.Parameters);
                    var r = ParameterUsage.Of(eq.Right, lambda.Parameters);
                    Expression? ownSide = null, otherSide = null;
                    if (l.Count == 1 && l.Contains(own) && r.Count > 0 && !r.Contains(own)) (ownSide, otherSide) = (eq.Left, eq.Right);
                    else if (r.Count == 1 && r.Contains(own) && l.Count > 0 && !l.Contains(own)) (ownSide, otherSide) = (eq.Right, eq.Left);
                    if (ownSide is not null)
                    {
                        var map = ConditionCompiler.Map(lambda, p.Name, fact, token, leftLevel, scope);
                        rightKeys.Add(ConditionCompiler.Rewrite(ownSide, map));
                        var other = ConditionCompiler.Rewrite(otherSide!, map);
                        leftKeys.Add(negated ? Expression.Not(other) : other);
                        keyFrom.Add(lambda);
                        continue;
                    }
                }
                hoisting = false;
                residual.Add(new Conjunct(c, lambda));
            }
        }

        var memory = AlphaMemory(p, alphas);
        var keys = leftKeys.Count > 0 ? ConditionCompiler.Keys(leftKeys, rightKeys, token, fact) : null;
        Func<Token, object, bool>? residualTest = null;
        if (residual.Count > 0)
        {
            Expression? body = null;
            foreach (var c in residual)
            {
                var map = ConditionCompiler.Map(c.From, p.Name, fact, token, leftLevel, scope);
                var e = ConditionCompiler.Rewrite(c.Body, map);
                body = body is null ? e : Expression.AndAlso(body, e);
            }
            residualTest = Expression.Lambda<Func<Token, object, bool>>(body!, token, fact).Compile();
        }
        var keySite = new ErrorSite(_rule, p.Source, $"join key of pattern '{p.Name}' ({string.Join("; ", keyFrom.Distinct())})");
        var residualSite = new ErrorSite(_rule, p.Source, $"condition of pattern '{p.Name}' ({string.Join("; ", residual.Select(c => c.From).Distinct())})");
        return new JoinSpec(memory, keys, residualTest, keySite, residualSite);
    }

    private static ParameterExpression? FindOwn(LambdaExpression lambda, string name)
    {
        foreach (var p in lambda.Parameters)
            if (string.Equals(p.Name, name, StringComparison.Ordinal)) return p;
        return null;
    }

    private static IEnumerable<Expression> Flatten(Expression e)
    {
        if (e is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            foreach (var x in Flatten(and.Left)) yield return x;
            foreach (var x in Flatten(and.Right)) yield return x;
        }
        else
        {
            yield return e;
        }
    }

    private AlphaMemoryPlan AlphaMemory(NormalPattern p, List<Conjunct> alphas)
    {
        TypeNodePlan? typeNode = null;
        foreach (var t in _typeNodes)
            if (t.Type == p.Type) typeNode = t;
        if (typeNode is null)
        {
            typeNode = new TypeNodePlan(p.Type);
            _typeNodes.Add(typeNode);
        }
        if (alphas.Count == 0) return typeNode.Memory ??= new AlphaMemoryPlan(_memoryCount++);

        List<AlphaNodePlan> children = typeNode.Children;
        AlphaNodePlan? node = null;
        foreach (var c in alphas)
        {
            var own = FindOwn(c.From, p.Name) ?? Expression.Parameter(p.Type, p.Name);
            var key = ExpressionKey.Of(c.Body, own);
            AlphaNodePlan? found = null;
            if (key is not null)
                foreach (var child in children)
                    if (child.Key == key) found = child;
            var test = found is null ? ConditionCompiler.Alpha(c.Body, own) : null;
            if (found is null)
            {
                found = new AlphaNodePlan(key, test!);
                children.Add(found);
            }
            var what = $"condition {c.From}";
            if (!found.Sites.Exists(s => s.Rule == _rule && s.What == what))
            {
                found.Sites.Add(new ErrorSite(_rule, p.Source, what));
                found.SiteTests.Add(test ?? ConditionCompiler.Alpha(c.Body, own));
            }
            node = found;
            children = found.Children;
        }
        return node!.Memory ??= new AlphaMemoryPlan(_memoryCount++);
    }

    private AggregatePlan Aggregate(AggregateElement a, List<Level> scope)
    {
        var source = a.Source;
        var sourcePattern = new NormalPattern(source, source.Name, source.FactType, source.Conditions);
        CheckNewName(source, source.Name, scope);
        if (string.Equals(source.Name, a.Name, StringComparison.Ordinal))
            throw new RuleCompilationException(_rule.Name, a, null, $"aggregate '{a.Name}' and its source pattern have the same name");
        var needsSelector = a.Kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max or AggregateKind.GroupBy;
        if (needsSelector && a.Selector is null)
            throw new RuleCompilationException(_rule.Name, a, null, $"aggregate '{a.Name}' ({a.Kind}) needs a selector");
        if (!needsSelector && a.Selector is not null)
            throw new RuleCompilationException(_rule.Name, a, a.Selector, $"aggregate '{a.Name}' ({a.Kind}) takes no selector");
        if (!Enum.IsDefined(a.Kind))
            throw new RuleCompilationException(_rule.Name, a, null, $"aggregate '{a.Name}' has an unknown kind {a.Kind}");

        Func<object, object?>? selector = null;
        var sumKind = SumKind.None;
        Func<object?[], object>? collect = null;
        Func<object, object?[], object>? group = null;
        if (a.Selector is { } s)
        {
            if (s.Parameters.Count != 1 || !s.Parameters[0].Type.IsAssignableFrom(source.FactType))
                throw new RuleCompilationException(_rule.Name, a, s, $"selector {s} of aggregate '{a.Name}' must take one parameter of type {source.FactType.Name}");
            if (s.ReturnType == typeof(void))
                throw new RuleCompilationException(_rule.Name, a, s, $"selector {s} of aggregate '{a.Name}' returns nothing");
            selector = ConditionCompiler.Selector(s);
            if (a.Kind == AggregateKind.Sum)
            {
                sumKind = s.ReturnType == typeof(int) ? SumKind.Int
                    : s.ReturnType == typeof(long) ? SumKind.Long
                    : s.ReturnType == typeof(decimal) ? SumKind.Decimal
                    : s.ReturnType == typeof(float) ? SumKind.Float
                    : s.ReturnType == typeof(double) ? SumKind.Double
                    : throw new RuleCompilationException(_rule.Name, a, s, $"sum selector {s} must return int, long, float, double or decimal, not {s.ReturnType.Name}");
            }
            if (a.Kind is AggregateKind.Min or AggregateKind.Max
                && !typeof(IComparable).IsAssignableFrom(Nullable.GetUnderlyingType(s.ReturnType) ?? s.ReturnType))
                throw new RuleCompilationException(_rule.Name, a, s, $"{a.Kind} selector {s} must return a comparable type, not {s.ReturnType.Name}");
            if (a.Kind == AggregateKind.GroupBy)
            {
                var m = typeof(FactGroup<,>).MakeGenericType(s.ReturnType, source.FactType).GetMethod(nameof(FactGroup<object, object>.Create))!;
                group = m.CreateDelegate<Func<object, object?[], object>>();
            }
        }
        if (a.Kind == AggregateKind.Collect)
        {
            var m = typeof(FactGroup<,>).MakeGenericType(typeof(object), source.FactType).GetMethod(nameof(FactGroup<object, object>.CreateList))!;
            collect = m.CreateDelegate<Func<object?[], object>>();
        }
        var spec = Analyze(sourcePattern, scope);
        return new AggregatePlan(spec, a.Kind, selector, new ErrorSite(_rule, a, $"selector {a.Selector} of aggregate '{a.Name}'"), sumKind, collect, group);
    }
}
