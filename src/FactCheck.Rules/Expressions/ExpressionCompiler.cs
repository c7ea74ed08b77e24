using System.Linq.Expressions;
using MethodInfo = System.Reflection.MethodInfo;
using FactCheck.Rules.Expressions.Binding;
using FactCheck.Rules.Expressions.Runtime;
using FactCheck.Rules.Expressions.Syntax;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// Compiles rule expressions to System.Linq.Expressions lambdas. Expressions can read public instance
/// properties of the allowlisted <c>factTypes</c> and call the <see cref="FunctionLibrary"/>; nothing else.
/// Never throws for bad expression text: problems come back as <see cref="ExpressionDiagnostic"/>s.
/// Thread-safe once constructed (as long as the function library is no longer modified).
/// </summary>
public sealed class ExpressionCompiler
{
    private static readonly MethodInfo StringConcatArray = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.ConcatMessage))!;
    private static readonly MethodInfo FormatMethod = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.Format))!;

    private readonly TypeSystem _types;

    public ExpressionCompiler(IEnumerable<Type> factTypes, FunctionLibrary? functions = null, ExpressionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(factTypes);
        _types = new TypeSystem(factTypes.ToHashSet());
        Functions = functions ?? FunctionLibrary.CreateStandard();
        Limits = limits ?? ExpressionLimits.Default;
    }

    public FunctionLibrary Functions { get; }
    public ExpressionLimits Limits { get; }

    /// <summary>Compiles a condition: the lambda returns bool (a null true/false counts as false).</summary>
    public CompiledExpression CompileCondition(ExpressionSource source, ExpressionScope scope) =>
        CompileWhole(source, scope, condition: true);

    /// <summary>Compiles a value of any type (for actions); the lambda returns the natural type of the expression.</summary>
    public CompiledExpression CompileValue(ExpressionSource source, ExpressionScope scope) =>
        CompileWhole(source, scope, condition: false);

    /// <summary>Compiles a condition split at its top-level &amp;&amp; (parentheses around the whole are ignored).</summary>
    public CompiledConjuncts CompileConjuncts(ExpressionSource source, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scope);
        var diagnostics = new List<ExpressionDiagnostic>();
        var tree = Parse(source, 0, diagnostics);
        if (tree is null) return new CompiledConjuncts([], diagnostics);
        var parts = new List<SyntaxNode>();
        Split(tree, parts);
        var results = new List<CompiledExpression>();
        var used = new HashSet<string>();
        foreach (var part in parts)
        {
            var partDiagnostics = new List<ExpressionDiagnostic>();
            var parameters = Parameters(scope);
            var binder = new Binder(_types, Functions, source, 0, source.Text, partDiagnostics, parameters);
            var body = binder.BindCondition(part);
            var compiled = Finish(source.Slice(part.Start, part.End), scope, parameters, binder, body, partDiagnostics, part.Start);
            diagnostics.AddRange(partDiagnostics);
            used.UnionWith(compiled.UsedNames);
            results.Add(compiled);
        }
        return new CompiledConjuncts(results, diagnostics)
        {
            UsedNames = scope.Variables.Select(v => v.Name).Where(used.Contains).ToList(),
        };
    }

    /// <summary>
    /// Compiles a message template such as <c>Quote differs: {a.Quote} vs {b.Quote}</c> to a lambda returning string.
    /// <c>{{</c> and <c>}}</c> are literal braces; null values print as empty text.
    /// </summary>
    public CompiledExpression CompileTemplate(ExpressionSource source, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scope);
        var diagnostics = new List<ExpressionDiagnostic>();
        var parameters = Parameters(scope);
        var parts = new List<Expression>();
        var used = new HashSet<string>();
        var text = source.Text;
        var literal = new System.Text.StringBuilder();
        bool failed = false;
        if (text.Length > Limits.MaxLength)
        {
            Report(source, 0, $"message is too long ({text.Length} characters; the limit is {Limits.MaxLength})", diagnostics);
            return new CompiledExpression(source, diagnostics, null, null, []);
        }
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i += 2; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i += 2; continue; }
            if (c == '}')
            {
                Report(source, i, "single '}' in message; write '}}' for a literal brace", diagnostics);
                failed = true;
                i++;
                continue;
            }
            if (c != '{') { literal.Append(c); i++; continue; }
            int end = FindHoleEnd(text, i + 1);
            if (end < 0)
            {
                Report(source, i, "unclosed '{' in message; write '{{' for a literal brace", diagnostics);
                failed = true;
                break;
            }
            if (literal.Length > 0) { parts.Add(Expression.Constant(literal.ToString())); literal.Clear(); }
            int start = i + 1;
            string hole = text[start..end];
            if (hole.Trim().Length == 0)
            {
                Report(source, i, "empty {} in message; put an expression inside or write '{{}}'", diagnostics);
                failed = true;
            }
            else
            {
                var tree = Parse(source with { }, start, diagnostics, hole);
                if (tree is null) failed = true;
                else
                {
                    var binder = new Binder(_types, Functions, source, start, hole, diagnostics, parameters);
                    var value = binder.BindValue(tree);
                    used.UnionWith(binder.Used);
                    if (value is null) failed = true;
                    else parts.Add(value.Type == typeof(string) ? value
                        : Expression.Call(FormatMethod, Expression.Convert(value, typeof(object))));
                }
            }
            i = end + 1;
        }
        if (literal.Length > 0) parts.Add(Expression.Constant(literal.ToString()));
        if (failed || diagnostics.Count > 0) return new CompiledExpression(source, diagnostics, null, null, []);
        Expression body = parts.Count switch
        {
            0 => Expression.Constant(""),
            1 when parts[0] is ConstantExpression => parts[0],
            _ => Expression.Call(StringConcatArray, Expression.NewArrayInit(typeof(string), parts)),
        };
        var usedParameters = scope.Variables.Where(v => used.Contains(v.Name)).Select(v => parameters[v.Name]).ToList();
        var templateBinder = new Binder(_types, Functions, source, 0, source.Text, diagnostics, parameters);
        return new CompiledExpression(source, diagnostics,
            Expression.Lambda(body, usedParameters),
            Expression.Lambda(templateBinder.Guard(body, 0), usedParameters),
            usedParameters.Select(p => p.Name!).ToList());
    }

    /// <summary>Index of the '}' closing a template hole, skipping quoted text inside it; -1 if none.</summary>
    private static int FindHoleEnd(string text, int from)
    {
        char quote = '\0';
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == '}') return i;
            else if (c == '{') return -1;
        }
        return -1;
    }

    private CompiledExpression CompileWhole(ExpressionSource source, ExpressionScope scope, bool condition)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scope);
        var diagnostics = new List<ExpressionDiagnostic>();
        var tree = Parse(source, 0, diagnostics);
        if (tree is null) return new CompiledExpression(source, diagnostics, null, null, []);
        var parameters = Parameters(scope);
        var binder = new Binder(_types, Functions, source, 0, source.Text, diagnostics, parameters);
        var body = condition ? binder.BindCondition(tree) : binder.BindValue(tree);
        return Finish(source, scope, parameters, binder, body, diagnostics, 0);
    }

    private static CompiledExpression Finish(ExpressionSource displaySource, ExpressionScope scope,
        Dictionary<string, ParameterExpression> parameters, Binder binder, Expression? body,
        List<ExpressionDiagnostic> diagnostics, int start)
    {
        if (body is null || diagnostics.Count > 0) return new CompiledExpression(displaySource, diagnostics, null, null, []);
        var used = scope.Variables.Where(v => binder.Used.Contains(v.Name)).Select(v => parameters[v.Name]).ToList();
        return new CompiledExpression(displaySource, diagnostics,
            Expression.Lambda(body, used),
            Expression.Lambda(binder.Guard(body, start), used),
            used.Select(p => p.Name!).ToList());
    }

    private static Dictionary<string, ParameterExpression> Parameters(ExpressionScope scope) =>
        scope.Variables.ToDictionary(v => v.Name, v => Expression.Parameter(v.Type, v.Name), StringComparer.Ordinal);

    private SyntaxNode? Parse(ExpressionSource source, int baseOffset, List<ExpressionDiagnostic> diagnostics, string? text = null) =>
        Parser.Parse(text ?? source.Text, (offset, message) => Report(source, baseOffset + offset, message, diagnostics), Limits);

    private static void Report(ExpressionSource source, int offset, string message, List<ExpressionDiagnostic> diagnostics)
    {
        var (line, column) = source.PositionOf(offset);
        diagnostics.Add(new ExpressionDiagnostic(line, column, message));
    }

    private static void Split(SyntaxNode node, List<SyntaxNode> parts)
    {
        while (node is ParenNode p) node = p.Inner;
        if (node is BinaryNode { Op: "&&" } b)
        {
            Split(b.Left, parts);
            Split(b.Right, parts);
        }
        else
        {
            parts.Add(node);
        }
    }
}
