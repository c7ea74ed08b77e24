using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using FactCheck.Rules.Expressions.Binding;
using FactCheck.Rules.Expressions.Runtime;

namespace FactCheck.Rules.Expressions;

/// <summary>Registers the standard library: <see cref="ExpressionFunctions"/> plus regex, coalesce and date.</summary>
internal static class StandardFunctions
{
    public const int MaxPatternLength = 1000;
    // A safety net only (the engine is linear-time and fields are size-limited): 100 ms was hit by
    // ordinary matches when the first match builds the automaton on a loaded machine.
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly (string Name, string Method)[] Methods =
    [
        ("lower", nameof(ExpressionFunctions.Lower)),
        ("upper", nameof(ExpressionFunctions.Upper)),
        ("trim", nameof(ExpressionFunctions.Trim)),
        ("fold", nameof(ExpressionFunctions.Fold)),
        ("len", nameof(ExpressionFunctions.Len)),
        ("contains", nameof(ExpressionFunctions.Contains)),
        ("startsWith", nameof(ExpressionFunctions.StartsWith)),
        ("endsWith", nameof(ExpressionFunctions.EndsWith)),
        ("isBlank", nameof(ExpressionFunctions.IsBlank)),
        ("normalizeQuote", nameof(ExpressionFunctions.NormalizeQuote)),
        ("similarity", nameof(ExpressionFunctions.Similarity)),
        ("count", nameof(ExpressionFunctions.Count)),
        ("any", nameof(ExpressionFunctions.Any)),
        ("abs", nameof(ExpressionFunctions.Abs)),
    ];

    public static FunctionLibrary Register(FunctionLibrary library)
    {
        library.AllowClass(typeof(ExpressionFunctions));
        foreach (var (name, method) in Methods)
        {
            foreach (var m in typeof(ExpressionFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method))
                library.Register(name, m);
        }
        library.Register("regex", 2, 3, Regex);
        library.Register("coalesce", 2, 16, Coalesce);
        library.Register("date", 1, 1, Date);
        return library;
    }

    private static readonly MethodInfo RegexIsMatch = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.RegexIsMatch))!;

    /// <summary>regex(text, 'pattern' [, 'i']): the pattern must be a literal; compiled once, linear-time engine.</summary>
    private static Expression? Regex(FunctionCallContext call)
    {
        var input = call.Arguments[0];
        if (input.Type != typeof(string) && !input.IsNullLiteral)
            call.Error(0, "regex(...) needs text as its first argument");
        var pattern = call.Arguments[1];
        if (!pattern.IsLiteral || pattern.LiteralValue is not string p)
        {
            call.Error(1, "the regex pattern must be a quoted literal, e.g. regex(c.Statement, '^[0-9]+%')");
            return null;
        }
        if (p.Length > MaxPatternLength)
        {
            call.Error(1, $"regex pattern is too long ({p.Length} characters; the limit is {MaxPatternLength})");
            return null;
        }
        // NonBacktracking guarantees time linear in the input; the timeout is a second safety net.
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (call.Arguments.Count == 3)
        {
            var flags = call.Arguments[2];
            if (!flags.IsLiteral || flags.LiteralValue is not string f || f.Any(ch => ch is not ('i' or 'm' or 's')))
            {
                call.Error(2, "regex flags must be a literal made of 'i' (ignore case), 'm' (multi-line), 's' (single-line)");
                return null;
            }
            if (f.Contains('i')) options |= RegexOptions.IgnoreCase;
            if (f.Contains('m')) options |= RegexOptions.Multiline;
            if (f.Contains('s')) options |= RegexOptions.Singleline;
        }
        System.Text.RegularExpressions.Regex regex;
        try
        {
            regex = new System.Text.RegularExpressions.Regex(p, options, RegexTimeout);
        }
        catch (NotSupportedException)
        {
            call.Error(1, "regex pattern uses a construct that needs backtracking (back-references, look-arounds, atomic groups or possessive quantifiers), which is not allowed");
            return null;
        }
        catch (ArgumentException e)
        {
            call.Error(1, $"invalid regex pattern: {e.Message}");
            return null;
        }
        if (call.HasErrors) return null;
        var text = input.IsNullLiteral ? Expression.Constant(null, typeof(string)) : input.Expression;
        return Expression.Call(RegexIsMatch, Expression.Constant(regex), text);
    }

    /// <summary>coalesce(a, b, ...): the first argument that is not null.</summary>
    private static Expression? Coalesce(FunctionCallContext call)
    {
        var typed = call.Arguments.Where(a => !a.IsNullLiteral).ToList();
        if (typed.Count == 0)
        {
            call.Error(-1, "coalesce(...) needs at least one argument that is not null");
            return null;
        }
        var types = typed.Select(a => TypeSystem.Underlying(a.Type)).Distinct().ToList();
        Type common;
        if (types.Count == 1) common = types[0];
        else if (types.All(t => TypeSystem.IsIntegerType(t))) common = typeof(long);
        else if (types.All(t => TypeSystem.IsIntegerType(t) || TypeSystem.IsRealType(t))) common = typeof(double);
        else
        {
            call.Error(-1, "coalesce(...) arguments must all be of the same kind (all text, all numbers, ...)");
            return null;
        }
        var nullable = TypeSystem.MakeNullable(common);
        var last = call.Arguments[^1];
        Expression acc = last.IsNullLiteral ? Expression.Constant(null, nullable)
            : Expression.Convert(last.Expression, TypeSystem.IsNullable(last.Type) ? nullable : common);
        if (acc is UnaryExpression { Operand: var operand } && operand.Type == acc.Type) acc = operand;
        for (int i = call.Arguments.Count - 2; i >= 0; i--)
        {
            var a = call.Arguments[i];
            if (a.IsNullLiteral) continue;
            Expression left = a.Type == nullable ? a.Expression : Expression.Convert(a.Expression, nullable);
            if (!TypeSystem.IsNullable(a.Type))
            {
                // A value that can never be null ends the chain here.
                acc = a.Type == common ? a.Expression : Expression.Convert(a.Expression, common);
                continue;
            }
            acc = Expression.Coalesce(left, acc);
        }
        return acc;
    }

    /// <summary>date('yyyy-MM-dd'): same as the literal @yyyy-MM-dd.</summary>
    private static Expression? Date(FunctionCallContext call)
    {
        var a = call.Arguments[0];
        if (!a.IsLiteral || a.LiteralValue is not string s)
        {
            call.Error(0, "date(...) takes a quoted literal, e.g. date('2023-11-08')");
            return null;
        }
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            call.Error(0, $"invalid date '{s}': expected yyyy-MM-dd, e.g. '2023-11-08'");
            return null;
        }
        return Expression.Constant(d);
    }
}
