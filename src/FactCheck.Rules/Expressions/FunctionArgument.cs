using System.Linq.Expressions;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// One bound argument handed to a <see cref="FunctionFactory"/>. <see cref="IsLiteral"/> is true for a literal
/// written in the rule (e.g. a regex pattern), whose value is then in <see cref="LiteralValue"/>.
/// The <c>null</c> literal arrives as a constant of type object with <see cref="IsNullLiteral"/> set.
/// </summary>
public sealed record FunctionArgument(Expression Expression, bool IsLiteral, object? LiteralValue, bool IsNullLiteral)
{
    public Type Type => Expression.Type;
}
