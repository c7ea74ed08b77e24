using System.Linq.Expressions;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// Builds the expression for a call whose typing is special (literal-only arguments, generic results).
/// Report problems through <see cref="FunctionCallContext.Error(int, string)"/> and return null.
/// </summary>
public delegate Expression? FunctionFactory(FunctionCallContext call);
