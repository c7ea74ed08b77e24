using System.Linq.Expressions;

namespace FactCheck.Engine.Compilation;

/// <summary>Which of a lambda's parameters an expression uses.</summary>
internal sealed class ParameterUsage : ExpressionVisitor
{
    private readonly IReadOnlyCollection<ParameterExpression> _candidates;
    private readonly HashSet<ParameterExpression> _used = [];

    private ParameterUsage(IReadOnlyCollection<ParameterExpression> candidates) => _candidates = candidates;

    public static HashSet<ParameterExpression> Of(Expression e, IReadOnlyCollection<ParameterExpression> candidates)
    {
        var v = new ParameterUsage(candidates);
        v.Visit(e);
        return v._used;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (_candidates.Contains(node)) _used.Add(node);
        return node;
    }
}
