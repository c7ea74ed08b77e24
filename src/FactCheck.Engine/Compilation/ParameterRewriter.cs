using System.Linq.Expressions;

namespace FactCheck.Engine.Compilation;

/// <summary>Replaces given parameters (by identity) with expressions; nested lambdas' own parameters are untouched.</summary>
internal sealed class ParameterRewriter(IReadOnlyDictionary<ParameterExpression, Expression> map) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) =>
        map.TryGetValue(node, out var replacement) ? replacement : node;
}
