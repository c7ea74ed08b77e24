using System.Linq.Expressions;

namespace FactCheck.Engine;

/// <summary>
/// A rule set that cannot be compiled: a condition parameter naming no binding, a type mismatch, a misplaced element...
/// <see cref="RuleName"/> and <see cref="Element"/> (the very element object given to the compiler) let a front end
/// position the error in its source.
/// </summary>
public sealed class RuleCompilationException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    public RuleCompilationException(string ruleName, RuleElement? element, LambdaExpression? condition, string message)
        : base($"rule '{ruleName}': {message}")
    {
        RuleName = ruleName;
        Element = element;
        Condition = condition;
        Reason = message;
    }

    /// <summary>The rule at fault.</summary>
    public string RuleName { get; }

    /// <summary>The element at fault, when there is one.</summary>
    public RuleElement? Element { get; }

    /// <summary>The condition or selector at fault, when there is one.</summary>
    public LambdaExpression? Condition { get; }

    /// <summary>The message without the rule name prefix.</summary>
    public string Reason { get; }
}
