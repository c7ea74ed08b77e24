using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace FactCheck.Engine.Compilation;

/// <summary>
/// A structural identity for a single-fact condition, so that equal tests in different rules share one alpha node.
/// Null when the expression holds a constant we cannot compare by text (closures, arbitrary objects): no sharing then.
/// A try/catch whose every handler throws (a guard that only dresses the error, say with the condition's text and
/// position in its rule's file) is keyed by its body alone: two such tests pass, fail and throw on the same facts, and
/// only what they throw differs, which the shared node asks each rule's own test for (see
/// <see cref="AlphaNodePlan.SiteTests"/>). Without this, no guarded condition of one rule was ever shared with another's.
/// </summary>
internal sealed class ExpressionKey : ExpressionVisitor
{
    private readonly StringBuilder _members = new();
    private readonly Dictionary<ParameterExpression, int> _parameters = [];
    private bool _unshareable;

    public static string? Of(Expression body, ParameterExpression own)
    {
        var canonical = Expression.Parameter(own.Type, "$");
        var rewritten = new ParameterRewriter(new Dictionary<ParameterExpression, Expression> { [own] = canonical }).Visit(body);
        var v = new ExpressionKey();
        v.Visit(rewritten);
        if (v._unshareable) return null;
        return $"{own.Type.AssemblyQualifiedName}|{rewritten}|{v._members}";
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        var t = node.Type;
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (node.Value is not null && !(u.IsPrimitive || u.IsEnum || u == typeof(string) || u == typeof(decimal)))
            _unshareable = true;
        // The printed tree elides the insides of blocks and try/catch (guarded conditions), so the key
        // must carry every constant's value and every operator itself.
        _members.Append("c:").Append(t.FullName).Append('=').Append(node.Value is string text ? text.Replace(";", ";;", StringComparison.Ordinal) : node.Value).Append(';');
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Append(node.Member);
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Append(node.Method);
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        _members.Append("u:").Append(node.NodeType).Append(':').Append(node.Type.FullName).Append(';');
        if (node.Method is not null) Append(node.Method);
        return base.VisitUnary(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        _members.Append("b:").Append(node.NodeType).Append(';');
        if (node.Method is not null) Append(node.Method);
        return base.VisitBinary(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is not null) Append(node.Constructor);
        return base.VisitNew(node);
    }

    public override Expression? Visit(Expression? node)
    {
        // Every node's kind and type, in visit order: the printed text elides block and try/catch bodies.
        if (node is not null) _members.Append(node.NodeType).Append(':').Append(node.Type.FullName).Append(';');
        return base.Visit(node);
    }

    protected override Expression VisitTry(TryExpression node)
    {
        if (node.Finally is not null || node.Fault is not null || !node.Handlers.All(AlwaysThrows)) return base.VisitTry(node);
        _members.Append("guarded(");
        Visit(node.Body);
        _members.Append(");");
        return node;
    }

    /// <summary>A handler without filter whose body is a throw (or rethrow), or a block ending in one.</summary>
    private static bool AlwaysThrows(CatchBlock handler)
    {
        if (handler.Filter is not null) return false;
        var body = handler.Body;
        while (body is BlockExpression { Expressions.Count: > 0 } block) body = block.Expressions[^1];
        return body.NodeType == ExpressionType.Throw;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        // Parameters and block variables by first appearance, so that `a - b` and `b - a` differ even when printed alike.
        if (!_parameters.TryGetValue(node, out var ordinal)) _parameters.Add(node, ordinal = _parameters.Count);
        _members.Append('p').Append(ordinal).Append(';');
        return node;
    }

    private void Append(MemberInfo m) =>
        _members.Append(m.DeclaringType?.AssemblyQualifiedName).Append("::").Append(m).Append(';');
}
