using System.Linq.Expressions;
using System.Reflection;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Engine;
using FactCheck.Rules.Expressions;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Language;

/// <summary>
/// Compiles one rule file's YAML into the engine's rule model. Every problem becomes a positioned
/// diagnostic; a rule with any error is left out, and compilation goes on with the next one.
/// </summary>
internal sealed class RuleFileCompiler
{
    private static readonly string[] RootKeys = ["rules", "tests"];
    private static readonly string[] RuleKeys = ["id", "title", "severity", "description", "fix", "tags", "priority", "when", "then"];
    private static readonly string[] TestKeys = ["name", "claims", "expect", "expect_not"];
    private static readonly string[] ExpectKeys = ["rule", "claim", "count"];
    private static readonly string[] FlagKeys = ["message", "on", "severity"];
    private static readonly string[] InsertKeys = ["type", "from", "set"];
    private static readonly HashSet<string> ConditionKeywords = ["where", "not", "exists", "test", "count", "collect", "min", "max", "sum", "of", "select"];

    private static readonly MethodInfo ContextGet = typeof(IActionContext).GetMethods().Single(m => m.Name == nameof(IActionContext.Get) && !m.IsGenericMethod);

    private readonly ExpressionCompiler _expressions;
    private readonly string _file;
    private readonly string _directory;
    private readonly List<Diagnostic> _diagnostics;

    public RuleFileCompiler(ExpressionCompiler expressions, string file, string directory, List<Diagnostic> diagnostics)
    {
        _expressions = expressions;
        _file = file;
        _directory = directory;
        _diagnostics = diagnostics;
    }

    public List<RuleDefinition> Rules { get; } = [];

    public List<RuleTestCase> Tests { get; } = [];

    /// <summary>Per rule, the fact types its actions insert or retract: what other rules may react to.</summary>
    public Dictionary<string, IReadOnlySet<Type>> Writes { get; } = new(StringComparer.Ordinal);

    private HashSet<Type> _writes = [];

    public void Compile(YamlNode root)
    {
        var view = MappingView.Of(root, "a rules file", RootKeys, _diagnostics);
        if (view is null) return;
        foreach (var node in view.List("rules", required: false)) CompileRule(node);
        foreach (var node in view.List("tests", required: false)) ReadTest(node);
    }

    private void CompileRule(YamlNode node)
    {
        var v = MappingView.Of(node, "a rule", RuleKeys, _diagnostics);
        if (v is null) return;
        var before = _diagnostics.Count;
        var id = v.Slug("id", "rule id");
        var title = v.Text("title", required: true);
        var severity = v.Enum<RuleSeverity>("severity", required: true);
        var description = v.Text("description", required: true);
        var fix = v.Text("fix");
        var tags = v.Texts("tags");
        var priority = 0;
        if (v.Scalar("priority", required: false) is { } p && !int.TryParse(p.Value, out priority))
        {
            v.Report(p.Location, "wrong-type", $"'priority' must be a whole number, found '{p.Value}'", "higher priorities fire first; the default is 0");
        }

        var info = new RuleInfo(
            id ?? string.Empty, title ?? string.Empty, severity ?? RuleSeverity.Warning, description ?? string.Empty, fix, tags, priority,
            _file, v.Location.Line, v.Location.Column);

        var scope = new List<ScopeVariable>();
        var conditions = v.List("when", required: true, minItems: 1);
        var elements = new List<RuleElement>();
        foreach (var condition in conditions)
        {
            if (CompileCondition(condition, scope, local: false) is { } element) elements.Add(element);
        }

        var actions = new List<RuleAction>();
        _writes = [];
        foreach (var action in v.List("then", required: true, minItems: 1))
        {
            if (CompileAction(action, scope, info) is { } compiled) actions.Add(compiled);
        }

        if (_diagnostics.Count == before && id is not null)
        {
            var lhs = elements.Count == 1 ? elements[0] : new AndElement(elements);
            Rules.Add(new RuleDefinition(id, priority, lhs, actions, info));
            Writes[id] = _writes;
        }
    }

    /// <summary>One entry of <c>when:</c> (or of a <c>not:</c>/<c>exists:</c> group); binds into <paramref name="scope"/>.</summary>
    private RuleElement? CompileCondition(YamlNode node, List<ScopeVariable> scope, bool local)
    {
        if (node is not YamlMapping mapping)
        {
            Error(node.Location, "rule-syntax", $"a condition must be a mapping such as '{{c: Claim, where: ...}}', found {node.Describe()}");
            return null;
        }

        var keys = mapping.Entries.Select(e => e.Key.Value).ToList();
        if (keys.Contains("not") || keys.Contains("exists"))
        {
            var keyword = keys.Contains("not") ? "not" : "exists";
            var group = Group(mapping, keyword, scope);
            if (group is null) return null;
            return keyword == "not" ? new NotElement(group) : new ExistsElement(group);
        }

        if (keys.Contains("test"))
        {
            var test = (YamlScalar?)Entry(mapping, "test", expectScalar: true);
            CheckOnly(mapping, ["test"]);
            if (test is null) return null;
            var compiled = _expressions.CompileCondition(Source(test), Scope(scope));
            return Report(compiled) ? new ConditionElement(Guarded(compiled)) : null;
        }

        foreach (var aggregate in (string[])["count", "collect", "min", "max", "sum"])
        {
            if (keys.Contains(aggregate)) return CompileAggregate(mapping, aggregate, scope);
        }

        return CompilePattern(mapping, scope, allowedExtra: ["where"]);
    }

    private PatternElement? CompilePattern(YamlMapping mapping, List<ScopeVariable> scope, string[] allowedExtra)
    {
        var bindings = mapping.Entries.Where(e => !allowedExtra.Contains(e.Key.Value)).ToList();
        if (bindings.Count != 1)
        {
            var what = bindings.Count == 0 ? "no binding" : $"{bindings.Count} bindings ({string.Join(", ", bindings.Select(b => b.Key.Value))})";
            Error(mapping.Location, "rule-syntax", $"a pattern binds exactly one name to a fact type, as in '{{c: Claim, where: ...}}'; found {what}",
                $"allowed keys besides the binding: {string.Join(", ", allowedExtra)}; other conditions: not, exists, test, count, collect, min, max, sum");
            return null;
        }

        var (nameNode, typeNode) = (bindings[0].Key, bindings[0].Value);
        var name = nameNode.Value;
        if (ConditionKeywords.Contains(name) && !allowedExtra.Contains(name))
        {
            Error(nameNode.Location, "rule-syntax", $"'{name}' cannot be used here");
            return null;
        }

        if (!IsIdentifier(name))
        {
            Error(nameNode.Location, "rule-syntax", $"'{name}' is not a valid name to bind", "names are letters, digits and '_', starting with a letter");
            return null;
        }

        if (scope.Any(s => s.Name == name))
        {
            Error(nameNode.Location, "rule-duplicate-name", $"'{name}' is already bound in this rule", "choose another name");
            return null;
        }

        if (typeNode is not YamlScalar typeScalar || !FactProjection.FactTypes.TryGetValue(typeScalar.Value, out var type))
        {
            var typeName = (typeNode as YamlScalar)?.Value ?? typeNode.Describe();
            Error(typeNode.Location, "unknown-fact-type", $"unknown fact type '{typeName}'{Suggestions.DidYouMean(typeName, FactProjection.FactTypes.Keys)}",
                $"fact types: {string.Join(", ", FactProjection.FactTypes.Keys)}");
            return null;
        }

        scope.Add(new ScopeVariable(name, type));
        var conditions = new List<LambdaExpression>();
        if (Entry(mapping, "where", expectScalar: true) is YamlScalar where)
        {
            var compiled = _expressions.CompileConjuncts(Source(where), Scope(scope));
            foreach (var d in compiled.Diagnostics) Error(new Location(_file, d.Line, d.Column), "rule-expression", d.Message);
            if (compiled.Diagnostics.Count > 0) return null;
            foreach (var conjunct in compiled.Conjuncts)
            {
                conditions.Add(IsJoinKey(conjunct) ? conjunct.Lambda! : Guarded(conjunct));
            }
        }

        return new PatternElement(name, type, conditions);
    }

    private RuleElement? CompileAggregate(YamlMapping mapping, string kind, List<ScopeVariable> scope)
    {
        CheckOnly(mapping, [kind, "of", "where", "select"]);
        if (Entry(mapping, kind, expectScalar: true) is not YamlScalar nameNode) return null;
        if (!IsIdentifier(nameNode.Value) || scope.Any(s => s.Name == nameNode.Value))
        {
            Error(nameNode.Location, "rule-syntax", $"'{nameNode.Value}' is not a free name to bind the {kind} to");
            return null;
        }

        if (Entry(mapping, "of", expectScalar: false) is not { } ofNode)
        {
            // Without this the condition was dropped silently and the rule matched more than it says.
            Error(mapping.Location, "missing-key", $"'{kind}' needs 'of': the pattern to {kind}, e.g. 'of: {{a: Appearance, where: a.ClaimId == c.Id}}'");
            return null;
        }
        if (ofNode is not YamlMapping of)
        {
            Error(ofNode.Location, "rule-syntax", $"'of' must be a pattern such as '{{a: Appearance, where: a.ClaimId == c.Id}}'");
            return null;
        }

        var inner = new List<ScopeVariable>(scope);
        var source = CompilePattern(of, inner, allowedExtra: ["where"]);
        if (source is null) return null;

        LambdaExpression? selector = null;
        var aggregateKind = kind switch
        {
            "count" => AggregateKind.Count,
            "collect" => AggregateKind.Collect,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            _ => AggregateKind.Sum,
        };
        var select = Entry(mapping, "select", expectScalar: true) as YamlScalar;
        if (aggregateKind is AggregateKind.Min or AggregateKind.Max or AggregateKind.Sum)
        {
            if (select is null)
            {
                Error(mapping.Location, "missing-key", $"'{kind}' needs 'select': the value to take the {kind} of, e.g. 'select: a.Published'");
                return null;
            }

            var compiled = _expressions.CompileValue(Source(select), Scope([new ScopeVariable(source.Name, source.FactType)]));
            if (!Report(compiled)) return null;
            selector = compiled.GuardedLambda;
        }
        else if (select is not null)
        {
            Error(select.Location, "rule-syntax", $"'select' is for min, max and sum, not {kind}");
            return null;
        }

        var resultType = AggregateElement.ResultType(aggregateKind, source.FactType, selector?.ReturnType);
        scope.Add(new ScopeVariable(nameNode.Value, resultType));
        var element = new AggregateElement(nameNode.Value, aggregateKind, source, selector);
        if (Entry(mapping, "where", expectScalar: true) is not YamlScalar where) return element;
        var test = _expressions.CompileCondition(Source(where), Scope(scope));
        return Report(test) ? new AndElement([element, new ConditionElement(Guarded(test))]) : null;
    }

    private RuleElement? Group(YamlMapping mapping, string keyword, List<ScopeVariable> scope)
    {
        CheckOnly(mapping, [keyword]);
        var node = Entry(mapping, keyword, expectScalar: false);
        IReadOnlyList<YamlNode> items = node switch
        {
            YamlSequence seq => seq.Items,
            YamlMapping single => [single],
            _ => [],
        };
        if (items.Count == 0)
        {
            Error(node?.Location ?? mapping.Location, "rule-syntax", $"'{keyword}' needs one or more patterns, e.g. '{keyword}: [{{a: Appearance, where: a.ClaimId == c.Id}}]'");
            return null;
        }

        // Names bound inside the group are visible only inside it.
        var inner = new List<ScopeVariable>(scope);
        var elements = new List<RuleElement>();
        foreach (var item in items)
        {
            if (CompileCondition(item, inner, local: true) is { } element) elements.Add(element);
            else return null;
        }

        return elements.Count == 1 ? elements[0] : new AndElement(elements);
    }

    private RuleAction? CompileAction(YamlNode node, List<ScopeVariable> scope, RuleInfo info)
    {
        if (node is not YamlMapping { Entries.Count: 1 } mapping)
        {
            Error(node.Location, "rule-syntax", "an action is one of 'flag: ...', 'insert: ...' or 'retract: name'");
            return null;
        }

        var (key, value) = (mapping.Entries[0].Key, mapping.Entries[0].Value);
        switch (key.Value)
        {
            case "flag":
                return CompileFlag(value, scope, info);
            case "insert":
                return CompileInsert(value, scope);
            case "retract":
                var target = (value as YamlScalar)?.Value;
                if (target is not null && scope.Any(s => s.Name == target && FactProjection.FactTypes.Values.Contains(s.Type)))
                {
                    _writes.Add(scope.First(s => s.Name == target).Type);
                    return new RuleAction(ctx => ctx.Retract(ctx.Get(target)!), $"retract {target}");
                }

                Error(value.Location, "rule-syntax", "'retract' names a fact bound in 'when'", $"bound: {string.Join(", ", scope.Select(s => s.Name))}");
                return null;
            default:
                Error(key.Location, "rule-syntax", $"unknown action '{key.Value}'{Suggestions.DidYouMean(key.Value, ["flag", "insert", "retract"])}", "actions: flag, insert, retract");
                return null;
        }
    }

    private RuleAction? CompileFlag(YamlNode node, List<ScopeVariable> scope, RuleInfo info)
    {
        YamlScalar? message;
        string? on = null;
        var severity = info.Severity;
        if (node is YamlScalar scalar)
        {
            message = scalar;
        }
        else
        {
            var v = MappingView.Of(node, "a flag", FlagKeys, _diagnostics);
            if (v is null) return null;
            message = v.Scalar("message", required: true);
            if (v.Scalar("on", required: false) is { } onNode)
            {
                if (scope.Any(s => s.Name == onNode.Value && typeof(IFact).IsAssignableFrom(s.Type))) on = onNode.Value;
                else Error(onNode.Location, "rule-syntax", $"'on' must name a fact bound in 'when'{Suggestions.DidYouMean(onNode.Value, scope.Select(s => s.Name))}");
            }

            severity = v.Enum<RuleSeverity>("severity", required: false) ?? severity;
        }

        if (message is null) return null;
        var template = _expressions.CompileTemplate(Source(message), Scope(scope));
        if (!Report(template)) return null;
        var render = BindToContext<string>(template.GuardedLambda!);
        var ruleId = info.Id;
        var target = on;
        _writes.Add(typeof(Finding));
        return new RuleAction(
            ctx =>
            {
                var finding = FindingBuilder.Build(ctx, ruleId, severity, render(ctx) ?? string.Empty, target);
                if (ctx.InsertLinked(finding)) KeptSessions.Flagged(ctx.Session, finding);
            },
            "flag");
    }

    private RuleAction? CompileInsert(YamlNode node, List<ScopeVariable> scope)
    {
        var v = MappingView.Of(node, "an insert", InsertKeys, _diagnostics);
        if (v is null) return null;
        var typeNode = v.Scalar("type", required: true);
        if (typeNode is null) return null;
        if (!FactProjection.FactTypes.TryGetValue(typeNode.Value, out var type))
        {
            Error(typeNode.Location, "unknown-fact-type", $"unknown fact type '{typeNode.Value}'{Suggestions.DidYouMean(typeNode.Value, FactProjection.FactTypes.Keys)}");
            return null;
        }

        _writes.Add(type);
        ScopeVariable? from = null;
        if (v.Scalar("from", required: false) is { } fromNode)
        {
            from = scope.FirstOrDefault(s => s.Name == fromNode.Value);
            if (from is null || from.Type != type)
            {
                Error(fromNode.Location, "rule-syntax", $"'from' must name a bound {typeNode.Value} fact to copy");
                return null;
            }
        }

        var values = new Dictionary<string, (YamlScalar Key, YamlScalar Value)>(StringComparer.OrdinalIgnoreCase);
        if (v.Node("set") is YamlMapping set)
        {
            foreach (var (k, value) in set.Entries)
            {
                if (value is YamlScalar scalar) values[k.Value] = (k, scalar);
                else Error(value.Location, "wrong-type", $"the value of '{k.Value}' must be an expression");
            }
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        foreach (var (name, (keyNode, _)) in values)
        {
            if (!parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                Error(keyNode.Location, "unknown-member", $"{typeNode.Value} has no property '{name}'{Suggestions.DidYouMean(name, parameters.Select(p => p.Name!))}");
            }
        }

        var ctx = Expression.Parameter(typeof(IActionContext), "ctx");
        var arguments = new List<Expression>();
        var failed = false;
        foreach (var parameter in parameters)
        {
            if (values.TryGetValue(parameter.Name!, out var entry))
            {
                var compiled = _expressions.CompileValue(Source(entry.Value), Scope(scope));
                if (!Report(compiled))
                {
                    failed = true;
                    continue;
                }

                var call = Invoke(compiled.GuardedLambda!, ctx);
                if (!CanConvert(call.Type, parameter.ParameterType))
                {
                    Error(entry.Value.Location, "rule-type", $"'{parameter.Name}' of {typeNode.Value} takes {Describe(parameter.ParameterType)}, not {Describe(call.Type)}");
                    failed = true;
                    continue;
                }

                arguments.Add(Expression.Convert(call, parameter.ParameterType));
            }
            else if (from is not null)
            {
                var source = Expression.Convert(Expression.Call(ctx, ContextGet, Expression.Constant(from.Name)), from.Type);
                arguments.Add(Expression.Property(source, type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!));
            }
            else if (!parameter.ParameterType.IsValueType || Nullable.GetUnderlyingType(parameter.ParameterType) is not null)
            {
                arguments.Add(Expression.Default(parameter.ParameterType));
            }
            else
            {
                Error(v.Location, "missing-key", $"inserting a {typeNode.Value} needs a value for '{parameter.Name}' (in 'set', or copied with 'from')");
                failed = true;
            }
        }

        if (failed) return null;
        var build = Expression.Lambda<Func<IActionContext, object>>(Expression.Convert(Expression.New(constructor, arguments), typeof(object)), ctx).Compile();
        return new RuleAction(context => DerivedFacts.InsertOnce(context, build(context)), $"insert {typeNode.Value}");
    }

    private void ReadTest(YamlNode node)
    {
        var v = MappingView.Of(node, "a rule test", TestKeys, _diagnostics);
        if (v is null) return;
        var name = v.Text("name", required: true);
        var claimsNode = v.Node("claims");
        if (claimsNode is null)
        {
            v.Report(v.Location, "missing-key", "a rule test is missing required key 'claims'", "give an inline claims document: sources, propositions, claims");
        }

        var expect = v.List("expect", required: false).Select(ReadExpectation).OfType<RuleTestExpectation>().ToList();
        var expectNot = v.List("expect_not", required: false).Select(ReadExpectation).OfType<RuleTestExpectation>().ToList();
        if (expect.Count + expectNot.Count == 0)
        {
            v.Report(v.Location, "empty-test", "a rule test must expect or rule out at least one finding ('expect' or 'expect_not')");
        }

        if (name is not null && claimsNode is not null)
        {
            Tests.Add(new RuleTestCase(name, claimsNode, _directory, expect, expectNot, new Location(_file, v.Location.Line, v.Location.Column)));
        }
    }

    private RuleTestExpectation? ReadExpectation(YamlNode node)
    {
        var v = MappingView.Of(node, "an expected finding", ExpectKeys, _diagnostics);
        if (v is null) return null;
        var rule = v.Ref("rule", "rule id", required: true);
        var claim = v.Text("claim");
        int? count = null;
        if (v.Scalar("count", required: false) is { } c)
        {
            if (int.TryParse(c.Value, out var n) && n >= 0) count = n;
            else v.Report(c.Location, "wrong-type", "'count' must be a whole number");
        }

        return rule is null ? null : new RuleTestExpectation(rule, claim, count, v.Location);
    }

    private static bool IsJoinKey(CompiledExpression conjunct) =>
        conjunct.UsedNames.Count == 2 && conjunct.Lambda?.Body is BinaryExpression { NodeType: ExpressionType.Equal, Left: MemberExpression, Right: MemberExpression };

    private static LambdaExpression Guarded(CompiledExpression compiled) => compiled.GuardedLambda!;

    /// <summary>Wraps an expression over bound names into a delegate over the action context.</summary>
    private static Func<IActionContext, T?> BindToContext<T>(LambdaExpression lambda)
    {
        var ctx = Expression.Parameter(typeof(IActionContext), "ctx");
        var body = Invoke(lambda, ctx);
        return Expression.Lambda<Func<IActionContext, T?>>(Expression.Convert(body, typeof(T)), ctx).Compile();
    }

    private static Expression Invoke(LambdaExpression lambda, ParameterExpression ctx) =>
        Expression.Invoke(lambda, lambda.Parameters.Select(p => InOrder(Expression.Convert(Expression.Call(ctx, ContextGet, Expression.Constant(p.Name)), p.Type), ctx)));

    /// <summary>A collected list of facts, as the session orders it (<see cref="KeptSessions"/>); other values as they are.</summary>
    private static Expression InOrder(Expression value, ParameterExpression ctx) =>
        value.Type.IsGenericType && value.Type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && value.Type.GetGenericArguments()[0] is { IsClass: true } item
            ? Expression.Call(typeof(KeptSessions).GetMethod(nameof(KeptSessions.Sorted))!.MakeGenericMethod(item), ctx, value)
            : value;

    private static bool CanConvert(Type from, Type to)
    {
        if (to.IsAssignableFrom(from)) return true;
        var f = Nullable.GetUnderlyingType(from) ?? from;
        var t = Nullable.GetUnderlyingType(to) ?? to;
        return f == t || (f.IsPrimitive && t.IsPrimitive && f != typeof(bool) && t != typeof(bool));
    }

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "text",
        var t when t == typeof(bool) => "a boolean",
        var t when t.IsPrimitive => "a number",
        var t => t.Name,
    };

    private ExpressionSource Source(YamlScalar scalar)
    {
        var at = scalar.Location;
        return scalar.Layout switch
        {
            ScalarLayout.Quoted => new ExpressionSource(scalar.Value, at.Line, at.Column + 1, at.Column),
            ScalarLayout.Block => new ExpressionSource(scalar.Value, at.Line + 1, at.Column + 2, at.Column + 1),
            _ => new ExpressionSource(scalar.Value, at.Line, at.Column, at.Column - 1),
        };
    }

    private static ExpressionScope Scope(IEnumerable<ScopeVariable> variables) => new(variables);

    private bool Report(CompiledExpression compiled)
    {
        foreach (var d in compiled.Diagnostics) Error(new Location(_file, d.Line, d.Column), "rule-expression", d.Message);
        return compiled.Success && compiled.Diagnostics.Count == 0;
    }

    private YamlNode? Entry(YamlMapping mapping, string key, bool expectScalar)
    {
        foreach (var (k, v) in mapping.Entries)
        {
            if (k.Value != key) continue;
            if (expectScalar && v is not YamlScalar)
            {
                Error(v.Location, "wrong-type", $"'{key}' must be a single value, found {v.Describe()}");
                return null;
            }

            return v;
        }

        return null;
    }

    private void CheckOnly(YamlMapping mapping, string[] allowed)
    {
        foreach (var (k, _) in mapping.Entries)
        {
            if (!allowed.Contains(k.Value))
            {
                Error(k.Location, "unknown-key", $"unknown key '{k.Value}' here{Suggestions.DidYouMean(k.Value, allowed)}", $"allowed keys: {string.Join(", ", allowed)}");
            }
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private void Error(Location location, string code, string message, string? help = null) =>
        _diagnostics.Add(Diagnostic.Error(location, code, message, help));
}
