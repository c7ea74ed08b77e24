using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Expressions.Runtime;
using FactCheck.Rules.Expressions.Syntax;

namespace FactCheck.Rules.Expressions.Binding;

/// <summary>
/// Turns syntax into typed System.Linq.Expressions, reporting every type error it can find (a failed
/// sub-expression yields null and suppresses follow-on errors). Null semantics live here.
/// </summary>
internal sealed class Binder
{
    private static readonly MethodInfo WrapMethod =
        typeof(ExpressionEvaluationException).GetMethod(nameof(ExpressionEvaluationException.Wrap), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo FormatMethod = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.Format))!;
    private static readonly MethodInfo ConcatMethod = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.Concat))!;
    private static readonly MethodInfo CompareTextMethod = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.CompareText))!;
    private static readonly MethodInfo CompareValuesMethod = typeof(Binder).GetMethod(nameof(CompareValues), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ContainsItemMethod = typeof(ExpressionRuntime).GetMethod(nameof(ExpressionRuntime.ContainsItem))!;
    private static readonly MethodInfo TextContainsMethod = typeof(ExpressionFunctions).GetMethod(nameof(ExpressionFunctions.Contains))!;

    private readonly TypeSystem _types;
    private readonly FunctionLibrary _functions;
    private readonly ExpressionSource _source;
    private readonly int _baseOffset;
    private readonly string _displayText;
    private readonly List<ExpressionDiagnostic> _diagnostics;
    private readonly IReadOnlyDictionary<string, ParameterExpression> _parameters;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Binder(TypeSystem types, FunctionLibrary functions, ExpressionSource source, int baseOffset, string displayText,
        List<ExpressionDiagnostic> diagnostics, IReadOnlyDictionary<string, ParameterExpression> parameters)
    {
        _types = types;
        _functions = functions;
        _source = source;
        _baseOffset = baseOffset;
        _displayText = displayText;
        _diagnostics = diagnostics;
        _parameters = parameters;
    }

    public IReadOnlySet<string> Used => _used;

    private void Error(int offset, string message)
    {
        var (line, column) = _source.PositionOf(_baseOffset + offset);
        _diagnostics.Add(new ExpressionDiagnostic(line, column, message));
    }

    /// <summary>Wraps a sub-expression so run-time failures carry the expression and this position.</summary>
    public Expression Guard(Expression body, int offset)
    {
        var (line, column) = _source.PositionOf(_baseOffset + offset);
        var e = Expression.Parameter(typeof(Exception), "e");
        return Expression.TryCatch(body,
            Expression.Catch(typeof(ExpressionEvaluationException), Expression.Rethrow(body.Type)),
            Expression.Catch(e, Expression.Throw(
                Expression.Call(WrapMethod, e, Expression.Constant(_displayText), Expression.Constant(line), Expression.Constant(column)),
                body.Type)));
    }

    public Expression? BindCondition(SyntaxNode node)
    {
        var e = Bind(node);
        if (e is null) return null;
        if (_types.KindOf(e.Type) != ValueKind.Boolean)
        {
            Error(node.Start, $"a condition must be true or false, but this expression is {_types.Describe(e.Type)}");
            return null;
        }
        return AsBool(e);
    }

    public Expression? BindValue(SyntaxNode node)
    {
        var e = Bind(node);
        if (e is null) return null;
        return e.Type == typeof(NullLiteral) ? Expression.Constant(null, typeof(object)) : e;
    }

    public Expression? Bind(SyntaxNode node) => node switch
    {
        LiteralNode l => l.Value is null ? Expression.Constant(null, typeof(NullLiteral)) : Expression.Constant(l.Value),
        NameNode n => BindName(n),
        MemberNode m => BindMember(m),
        ParenNode p => Bind(p.Inner),
        UnaryNode u => BindUnary(u),
        BinaryNode b => BindBinary(b),
        InNode i => BindIn(i),
        CallNode c => BindCall(c),
        ListNode l => ListOutsideIn(l),
        _ => throw new InvalidOperationException($"unknown syntax node {node.GetType().Name}"),
    };

    private Expression? ListOutsideIn(ListNode l)
    {
        Error(l.Start, "a list [...] can only appear after 'in' or 'not in'");
        return null;
    }

    private Expression? BindName(NameNode n)
    {
        if (_parameters.TryGetValue(n.Name, out var p))
        {
            _used.Add(n.Name);
            return p;
        }
        if (_functions.Find(n.Name) is not null)
        {
            Error(n.Start, $"'{n.Name}' is a function; call it as {n.Name}(...)");
            return null;
        }
        if (_parameters.Count == 0)
        {
            Error(n.Start, $"unknown name '{n.Name}': no names are bound here");
            return null;
        }
        Error(n.Start, $"unknown name '{n.Name}'{Suggestions.DidYouMean(n.Name, _parameters.Keys)}" +
            $" (bound names: {string.Join(", ", _parameters.Keys)})");
        return null;
    }

    private Expression? BindMember(MemberNode m)
    {
        var target = Bind(m.Target);
        if (target is null) return null;
        var kind = _types.KindOf(target.Type);
        if (kind != ValueKind.Fact)
        {
            string message = kind switch
            {
                ValueKind.Null => $"null has no property '{m.Member}'",
                ValueKind.Text => $"text has no properties ('.{m.Member}'); use functions such as len(...), lower(...), contains(...)",
                ValueKind.List => $"lists have no properties ('.{m.Member}'); use count(...), any(...) or 'in'",
                ValueKind.Unsupported => $"'{TypeSystem.Underlying(target.Type).Name}' is not a registered fact type; its members ('.{m.Member}') cannot be used",
                _ => $"{_types.Describe(target.Type)} has no properties ('.{m.Member}')",
            };
            Error(m.MemberStart, message);
            return null;
        }
        var type = TypeSystem.Underlying(target.Type);
        var properties = _types.PropertiesOf(type);
        if (!properties.TryGetValue(m.Member, out var property))
        {
            Error(m.MemberStart, $"{TypeSystem.FactName(type)} has no property '{m.Member}'{Suggestions.DidYouMean(m.Member, properties.Keys)}");
            return null;
        }
        // Bound facts are never null; anything reached through a property may be.
        bool mayBeNull = TypeSystem.IsNullable(target.Type) && !(target is ParameterExpression && !target.Type.IsValueType);
        if (!mayBeNull) return Expression.Property(target, property);
        var resultType = TypeSystem.MakeNullable(property.PropertyType);
        var tmp = Expression.Variable(target.Type, "t");
        Expression instance = target.Type.IsValueType ? Expression.Property(tmp, "Value") : tmp;
        Expression access = Expression.Property(instance, property);
        if (access.Type != resultType) access = Expression.Convert(access, resultType);
        return Expression.Block(resultType, [tmp],
            Expression.Assign(tmp, target),
            Expression.Condition(Expression.Equal(tmp, Expression.Constant(null, target.Type)),
                Expression.Constant(null, resultType), access));
    }

    private static Expression AsBool(Expression e) =>
        e.Type == typeof(bool) ? e : Expression.Equal(e, Expression.Constant(true, typeof(bool?)));

    private Expression? BindUnary(UnaryNode u)
    {
        var operand = Bind(u.Operand);
        if (operand is null) return null;
        var kind = _types.KindOf(operand.Type);
        if (u.Op == "!")
        {
            if (kind != ValueKind.Boolean)
            {
                Error(u.Start, $"'not' / '!' needs a true/false value, but this is {_types.Describe(operand.Type)}");
                return null;
            }
            return Expression.Not(AsBool(operand));
        }
        if (!TypeSystem.IsNumeric(kind))
        {
            Error(u.Start, $"'-' needs a number, but this is {_types.Describe(operand.Type)}");
            return null;
        }
        if (operand is ConstantExpression { Value: long l }) return Expression.Constant(-l);
        if (operand is ConstantExpression { Value: double d }) return Expression.Constant(-d);
        var promoted = ToNumber(operand, kind == ValueKind.Real, TypeSystem.IsNullable(operand.Type));
        // 0 - x rather than NegateChecked: the compiler pushes NegateChecked's 0 before the operand, and an operand holding
        // a try block (a guarded sum, as in -(1 + 1)) must start on an empty stack, which only binary operands get
        // (spilled to temporaries): NegateChecked over a guard was an InvalidProgramException.
        return kind == ValueKind.Real
            ? Expression.Negate(promoted)
            : Guard(Expression.SubtractChecked(Expression.Constant(0L, promoted.Type), promoted), u.Start);
    }

    private static Expression ToNumber(Expression e, bool real, bool nullable)
    {
        var target = real ? typeof(double) : typeof(long);
        if (nullable) target = TypeSystem.MakeNullable(target);
        return e.Type == target ? e : Expression.Convert(e, target);
    }

    private Expression? BindBinary(BinaryNode b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        if (left is null || right is null) return null;
        switch (b.Op)
        {
            case "&&" or "||":
            {
                var lk = _types.KindOf(left.Type);
                var rk = _types.KindOf(right.Type);
                if (lk != ValueKind.Boolean || rk != ValueKind.Boolean)
                {
                    var (side, t) = lk != ValueKind.Boolean ? ("left", left.Type) : ("right", right.Type);
                    string word = b.Op == "&&" ? "'&&' / 'and'" : "'||' / 'or'";
                    Error(b.OpStart, $"{word} needs true/false values on both sides, but the {side} side is {_types.Describe(t)}");
                    return null;
                }
                return b.Op == "&&" ? Expression.AndAlso(AsBool(left), AsBool(right)) : Expression.OrElse(AsBool(left), AsBool(right));
            }
            case "==" or "!=":
            {
                var eq = BindEquality(left, b.Left, right, b.Right, b.OpStart, b.Op);
                if (eq is null) return null;
                if (b.Op == "==") return eq;
                return eq is ConstantExpression { Value: bool v } ? Expression.Constant(!v) : Expression.Not(eq);
            }
            case "<" or "<=" or ">" or ">=":
                return BindOrdering(left, b.Left, right, b.Right, b.Op, b.OpStart);
            default:
                return BindArithmetic(left, right, b);
        }
    }

    private Expression? BindArithmetic(Expression left, Expression right, BinaryNode b)
    {
        var lk = _types.KindOf(left.Type);
        var rk = _types.KindOf(right.Type);
        if (b.Op == "+" && (lk == ValueKind.Text || rk == ValueKind.Text))
            return Expression.Call(ConcatMethod, AsText(left), AsText(right));
        if (!TypeSystem.IsNumeric(lk) || !TypeSystem.IsNumeric(rk))
        {
            var (side, t) = !TypeSystem.IsNumeric(lk) ? ("left", left.Type) : ("right", right.Type);
            string needs = b.Op == "+" ? "numbers (or text, to join)" : "numbers";
            Error(b.OpStart, $"'{b.Op}' needs {needs}, but the {side} side is {_types.Describe(t)}");
            return null;
        }
        bool real = lk == ValueKind.Real || rk == ValueKind.Real;
        bool nullable = TypeSystem.IsNullable(left.Type) || TypeSystem.IsNullable(right.Type);
        var l = ToNumber(left, real, nullable);
        var r = ToNumber(right, real, nullable);
        Expression result = b.Op switch
        {
            "+" => real ? Expression.Add(l, r) : Expression.AddChecked(l, r),
            "-" => real ? Expression.Subtract(l, r) : Expression.SubtractChecked(l, r),
            "*" => real ? Expression.Multiply(l, r) : Expression.MultiplyChecked(l, r),
            "/" => Expression.Divide(l, r),
            "%" => Expression.Modulo(l, r),
            _ => throw new InvalidOperationException(b.Op),
        };
        return real ? result : Guard(result, b.OpStart);
    }

    private Expression AsText(Expression e)
    {
        if (e.Type == typeof(string)) return e;
        if (e.Type == typeof(NullLiteral)) return Expression.Constant(null, typeof(string));
        return Expression.Call(FormatMethod, Expression.Convert(e, typeof(object)));
    }

    /// <summary>
    /// Facts may carry dates as ISO text ("2023-11-08"); a date literal compared with text becomes that text,
    /// so <c>c.MadeDate &lt; @2023-11-08</c> compares ISO strings ordinally.
    /// </summary>
    private void CoerceDateLiteral(ref Expression left, ref Expression right)
    {
        var lk = _types.KindOf(left.Type);
        var rk = _types.KindOf(right.Type);
        if (lk == ValueKind.Text && right is ConstantExpression { Value: DateOnly rd })
            right = Expression.Constant(rd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else if (rk == ValueKind.Text && left is ConstantExpression { Value: DateOnly ld })
            left = Expression.Constant(ld.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private Expression? BindEquality(Expression left, SyntaxNode leftNode, Expression right, SyntaxNode rightNode, int opStart, string op)
    {
        CoerceDateLiteral(ref left, ref right);
        var lk = _types.KindOf(left.Type);
        var rk = _types.KindOf(right.Type);
        if (lk == ValueKind.Null && rk == ValueKind.Null) return Expression.Constant(true);
        if (lk == ValueKind.Null || rk == ValueKind.Null)
        {
            var other = lk == ValueKind.Null ? right : left;
            return TypeSystem.IsNullable(other.Type) ? Expression.Equal(other, Expression.Constant(null, other.Type)) : Expression.Constant(false);
        }
        if (lk == ValueKind.List || rk == ValueKind.List)
        {
            Error(opStart, $"lists cannot be compared with '{op}'; use count(...), any(...) or 'in'");
            return null;
        }
        // Identical types stay a plain Equal of the two operands: the engine turns a.X == b.Y into a hash join.
        if (left.Type == right.Type) return MakeEqual(left, right, op, opStart);
        if (TypeSystem.IsNumeric(lk) && TypeSystem.IsNumeric(rk))
        {
            bool real = lk == ValueKind.Real || rk == ValueKind.Real;
            bool nullable = TypeSystem.IsNullable(left.Type) || TypeSystem.IsNullable(right.Type);
            return Expression.Equal(ToNumber(left, real, nullable), ToNumber(right, real, nullable));
        }
        if (lk == ValueKind.Enum && rk == ValueKind.Text || lk == ValueKind.Text && rk == ValueKind.Enum)
        {
            var (e, textNode, text) = lk == ValueKind.Enum ? (left, rightNode, right) : (right, leftNode, left);
            var value = EnumLiteral(e.Type, text, textNode);
            return value is null ? null : Expression.Equal(e, Expression.Constant(value, e.Type));
        }
        if (lk == rk && TypeSystem.Underlying(left.Type) == TypeSystem.Underlying(right.Type))
        {
            var nullableType = TypeSystem.MakeNullable(TypeSystem.Underlying(left.Type));
            return MakeEqual(Lift(left, nullableType), Lift(right, nullableType), op, opStart);
        }
        Error(opStart, Mismatch(left, leftNode, right, rightNode));
        return null;
    }

    private static Expression Lift(Expression e, Type t) => e.Type == t ? e : Expression.Convert(e, t);

    private Expression? MakeEqual(Expression left, Expression right, string op, int opStart)
    {
        try
        {
            return Expression.Equal(left, right);
        }
        catch (InvalidOperationException)
        {
            // A struct fact type without an equality operator.
            Error(opStart, $"{_types.Describe(left.Type)} values cannot be compared with '{op}'");
            return null;
        }
    }

    private object? EnumLiteral(Type enumType, Expression text, SyntaxNode textNode)
    {
        var underlying = TypeSystem.Underlying(enumType);
        if (text is not ConstantExpression { Value: string name })
        {
            Error(textNode.Start, $"{underlying.Name} can only be compared with a quoted name, e.g. '{Enum.GetNames(underlying).FirstOrDefault()}'");
            return null;
        }
        var names = Enum.GetNames(underlying);
        var match = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Error(textNode.Start, $"'{name}' is not a {underlying.Name}{Suggestions.DidYouMean(name, names)} (one of {string.Join(", ", names)})");
            return null;
        }
        return Enum.Parse(underlying, match);
    }

    private Expression? BindOrdering(Expression left, SyntaxNode leftNode, Expression right, SyntaxNode rightNode, string op, int opStart)
    {
        CoerceDateLiteral(ref left, ref right);
        var lk = _types.KindOf(left.Type);
        var rk = _types.KindOf(right.Type);
        if (lk == ValueKind.Null || rk == ValueKind.Null)
        {
            Error(opStart, $"'{op}' cannot be used with null; only '== null' and '!= null' test for a missing value");
            return null;
        }
        bool nullable = TypeSystem.IsNullable(left.Type) || TypeSystem.IsNullable(right.Type);
        if (TypeSystem.IsNumeric(lk) && TypeSystem.IsNumeric(rk))
        {
            bool real = lk == ValueKind.Real || rk == ValueKind.Real;
            return Compare(op, ToNumber(left, real, nullable), ToNumber(right, real, nullable));
        }
        if (lk == ValueKind.Text && rk == ValueKind.Text)
            return Compare(op, Expression.Call(CompareTextMethod, left, right), Expression.Constant(0, typeof(int?)));
        if (lk == rk && lk is ValueKind.Date or ValueKind.DateTime)
        {
            var t = TypeSystem.Underlying(left.Type);
            var nt = TypeSystem.MakeNullable(t);
            var call = Expression.Call(CompareValuesMethod.MakeGenericMethod(t), Lift(left, nt), Lift(right, nt));
            return Compare(op, call, Expression.Constant(0, typeof(int?)));
        }
        Error(opStart, Mismatch(left, leftNode, right, rightNode));
        return null;
    }

    /// <summary>Lifted comparisons return false when either side is null.</summary>
    private static Expression Compare(string op, Expression l, Expression r) => op switch
    {
        "<" => Expression.LessThan(l, r),
        "<=" => Expression.LessThanOrEqual(l, r),
        ">" => Expression.GreaterThan(l, r),
        _ => Expression.GreaterThanOrEqual(l, r),
    };

    private static int? CompareValues<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null || b is null ? null : Math.Sign(a.Value.CompareTo(b.Value));

    private string Mismatch(Expression left, SyntaxNode leftNode, Expression right, SyntaxNode rightNode)
    {
        string subject = leftNode switch
        {
            MemberNode m => $"'{m.Member}' is {_types.Describe(left.Type)}",
            NameNode n => $"'{n.Name}' is {_types.Describe(left.Type)}",
            LiteralNode l => $"{Show(l.Value)} is {_types.Describe(left.Type)}",
            _ => $"the left side is {_types.Describe(left.Type)}",
        };
        string other = rightNode switch
        {
            LiteralNode l => $"{KindWord(right.Type)} {Show(l.Value)}",
            MemberNode m => $"'{m.Member}' ({_types.Describe(right.Type)})",
            NameNode n => $"'{n.Name}' ({_types.Describe(right.Type)})",
            _ => _types.Describe(right.Type),
        };
        return $"{subject}, cannot compare with {other}";
    }

    private string KindWord(Type t) => _types.KindOf(t) switch
    {
        ValueKind.Text => "text",
        ValueKind.Integer or ValueKind.Real => "number",
        ValueKind.Date => "date",
        ValueKind.Boolean => "true/false value",
        _ => "value",
    };

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        DateOnly d => "@" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private Expression? BindIn(InNode node)
    {
        var item = Bind(node.Item);
        Expression? result;
        if (node.Collection is ListNode list)
        {
            var elements = list.Items.Select(Bind).ToList();
            if (item is null || elements.Any(e => e is null)) return null;
            var tmp = Expression.Variable(item.Type, "item");
            Expression? chain = null;
            for (int i = 0; i < elements.Count; i++)
            {
                var eq = BindEquality(tmp, node.Item, elements[i]!, list.Items[i], list.Items[i].Start, "in");
                if (eq is null) return null;
                chain = chain is null ? eq : Expression.OrElse(chain, eq);
            }
            result = chain is null ? Expression.Constant(false)
                : Expression.Block(typeof(bool), [tmp], Expression.Assign(tmp, item), chain);
        }
        else
        {
            var collection = Bind(node.Collection);
            if (item is null || collection is null) return null;
            result = BindInCollection(item, node, collection);
            if (result is null) return null;
        }
        return node.Negated ? Expression.Not(result) : result;
    }

    private Expression? BindInCollection(Expression item, InNode node, Expression collection)
    {
        var ck = _types.KindOf(collection.Type);
        var ik = _types.KindOf(item.Type);
        if (ck == ValueKind.Text && (ik == ValueKind.Text || ik == ValueKind.Null))
            return Expression.Call(TextContainsMethod, collection, AsText(item));
        if (ck != ValueKind.List)
        {
            Error(node.Collection.Start, $"'in' needs a list [...], a list property or text on its right, but this is {_types.Describe(collection.Type)}");
            return null;
        }
        var elementType = TypeSystem.ElementType(TypeSystem.Underlying(collection.Type))!;
        var contains = ContainsItemMethod.MakeGenericMethod(elementType);
        var enumerableType = typeof(IEnumerable<>).MakeGenericType(elementType);
        var source = Lift(collection, enumerableType);
        var ek = _types.KindOf(elementType);
        if (ik == ValueKind.Null)
            return TypeSystem.IsNullable(elementType) ? Expression.Call(contains, source, Expression.Constant(null, elementType)) : Expression.Constant(false);
        if (ek == ValueKind.Enum && ik == ValueKind.Text)
        {
            var value = EnumLiteral(elementType, item, node.Item);
            return value is null ? null : Expression.Call(contains, source, Expression.Constant(value, elementType));
        }
        if (item.Type == elementType) return Expression.Call(contains, source, item);
        var underlyingElement = TypeSystem.Underlying(elementType);
        if (item is ConstantExpression { Value: { } constant } && TypeSystem.IsNumeric(ik) && TypeSystem.IsNumeric(ek))
        {
            try
            {
                var converted = Convert.ChangeType(constant, underlyingElement, CultureInfo.InvariantCulture);
                return Expression.Call(contains, source, Expression.Constant(converted, elementType));
            }
            catch (OverflowException)
            {
                return Expression.Constant(false);
            }
        }
        if (TypeSystem.Underlying(item.Type) == underlyingElement)
        {
            if (item.Type == underlyingElement) return Expression.Call(contains, source, Expression.Convert(item, elementType));
            // Nullable item into a list of non-nullable values: a missing item is in no list.
            var tmp = Expression.Variable(item.Type, "item");
            return Expression.Block(typeof(bool), [tmp], Expression.Assign(tmp, item),
                Expression.AndAlso(Expression.Property(tmp, "HasValue"),
                    Expression.Call(contains, source, Expression.Property(tmp, "Value"))));
        }
        Error(node.OpStart, $"'in' cannot look for {_types.Describe(item.Type)} in {_types.Describe(collection.Type)}");
        return null;
    }

    private Expression? BindCall(CallNode call)
    {
        var args = call.Arguments.Select(Bind).ToList();
        var entry = _functions.Find(call.Name);
        if (entry is null)
        {
            Error(call.Start, $"unknown function '{call.Name}'{Suggestions.DidYouMean(call.Name, _functions.Names)}");
            return null;
        }
        if (args.Any(a => a is null)) return null;
        var bound = args.Select(a => a!).ToList();
        return entry.Factory is not null ? BindFactoryCall(call, entry, bound) : BindMethodCall(call, entry, bound);
    }

    private static string Arguments(int n) => n == 1 ? "1 argument" : $"{n} arguments";

    private Expression? BindFactoryCall(CallNode call, FunctionEntry entry, List<Expression> args)
    {
        if (args.Count < entry.MinArguments || args.Count > entry.MaxArguments)
        {
            string expected = entry.MinArguments == entry.MaxArguments ? Arguments(entry.MinArguments)
                : $"{entry.MinArguments} to {entry.MaxArguments} arguments";
            Error(call.Start, $"{call.Name}(...) takes {expected}, but {args.Count} were given");
            return null;
        }
        var arguments = new List<FunctionArgument>();
        for (int i = 0; i < args.Count; i++)
        {
            bool isNull = args[i].Type == typeof(NullLiteral);
            bool literal = call.Arguments[i] is LiteralNode;
            arguments.Add(new FunctionArgument(isNull ? Expression.Constant(null, typeof(object)) : args[i],
                literal, (call.Arguments[i] as LiteralNode)?.Value, isNull));
        }
        var context = new FunctionCallContext(call.Name, arguments,
            (index, message) => Error(index >= 0 && index < call.Arguments.Count ? call.Arguments[index].Start : call.Start, message));
        Expression? result;
        try
        {
            result = entry.Factory!(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A faulty factory must not turn a rule file into a crash; report it against the call.
            Error(call.Start, $"{call.Name}(...) cannot be used here: {e.Message}");
            return null;
        }
        if (result is null)
        {
            if (!context.HasErrors) Error(call.Start, $"{call.Name}(...) cannot be used with these arguments");
            return null;
        }
        if (_types.KindOf(result.Type) is ValueKind.Unsupported or ValueKind.Any)
        {
            Error(call.Start, $"{call.Name}(...) produces {result.Type.Name}, which expressions cannot use");
            return null;
        }
        return result is ConstantExpression ? result : Guard(result, call.Start);
    }

    private Expression? BindMethodCall(CallNode call, FunctionEntry entry, List<Expression> args)
    {
        var candidates = entry.Methods.Where(m => m.GetParameters().Length == args.Count).ToList();
        if (candidates.Count == 0)
        {
            var counts = entry.Methods.Select(m => m.GetParameters().Length).Distinct().Order().ToList();
            string expected = counts.Count == 1 ? Arguments(counts[0]) : string.Join(" or ", counts) + " arguments";
            Error(call.Start, $"{call.Name}(...) takes {expected}, but {args.Count} {(args.Count == 1 ? "was" : "were")} given");
            return null;
        }
        (MethodInfo Method, List<ArgumentConversion> Conversions, int Cost)? best = null;
        foreach (var m in candidates)
        {
            var ps = m.GetParameters();
            var conversions = new List<ArgumentConversion>();
            int cost = 0;
            for (int i = 0; i < args.Count; i++)
            {
                var c = ConvertArgument(args[i], ps[i].ParameterType);
                if (c is null) { conversions = null!; break; }
                conversions.Add(c);
                cost += c.Cost;
            }
            if (conversions is not null && (best is null || cost < best.Value.Cost)) best = (m, conversions, cost);
        }
        if (best is null)
        {
            string given = string.Join(", ", args.Select(a => _types.Describe(a.Type)));
            string expected = string.Join(" or ", candidates.Select(m =>
                $"{call.Name}({string.Join(", ", m.GetParameters().Select(p => _types.Describe(p.ParameterType)))})"));
            Error(call.Start, $"{call.Name}(...) cannot take ({given}); expected {expected}");
            return null;
        }
        var (method, conv, _) = best.Value;
        if (_types.KindOf(method.ReturnType) is ValueKind.Unsupported)
        {
            Error(call.Start, $"{call.Name}(...) produces {method.ReturnType.Name}, which expressions cannot use");
            return null;
        }
        Expression body = Expression.Call(method, conv.Select(c => c.Value));
        var lifted = conv.Where(c => c.LiftedFrom is not null).ToList();
        if (lifted.Count > 0)
        {
            // A missing value for a parameter that cannot be null makes the whole call null.
            var resultType = TypeSystem.MakeNullable(method.ReturnType);
            var hasValue = lifted.Select(c => (Expression)Expression.Property(c.Variable!, "HasValue")).Aggregate(Expression.AndAlso);
            body = Expression.Block(resultType, lifted.Select(c => c.Variable!),
                lifted.Select(c => (Expression)Expression.Assign(c.Variable!, c.LiftedFrom!))
                    .Append(Expression.Condition(hasValue, Lift(body, resultType), Expression.Constant(null, resultType))));
        }
        return Guard(body, call.Start);
    }

    private sealed record ArgumentConversion(Expression Value, int Cost, ParameterExpression? Variable = null, Expression? LiftedFrom = null);

    private ArgumentConversion? ConvertArgument(Expression arg, Type parameter)
    {
        var at = arg.Type;
        if (at == parameter) return new(arg, 0);
        if (at == typeof(NullLiteral))
        {
            if (TypeSystem.IsNullable(parameter)) return new(Expression.Constant(null, parameter), 1);
            var v = Expression.Variable(TypeSystem.MakeNullable(parameter), "arg");
            return new(Expression.Property(v, "Value"), 1, v, Expression.Constant(null, v.Type));
        }
        if (!parameter.IsValueType && parameter.IsAssignableFrom(at))
            return new(Expression.Convert(arg, parameter), at.IsValueType ? 3 : 1);
        var pu = TypeSystem.Underlying(parameter);
        var au = TypeSystem.Underlying(at);
        int? widen = WidenCost(au, pu);
        if (widen is null) return null;
        bool paramNullable = Nullable.GetUnderlyingType(parameter) is not null;
        bool argNullable = Nullable.GetUnderlyingType(at) is not null;
        if (paramNullable || !argNullable) return new(Lift(arg, parameter), widen.Value + 1);
        var variable = Expression.Variable(at, "arg");
        return new(Lift(Expression.Property(variable, "Value"), parameter), widen.Value + 1, variable, arg);
    }

    private static int? WidenCost(Type from, Type to)
    {
        if (from == to) return 0;
        if (TypeSystem.IsIntegerType(from) && to == typeof(long)) return 1;
        if ((TypeSystem.IsIntegerType(from) || TypeSystem.IsRealType(from)) && to == typeof(double)) return 2;
        return null;
    }
}
