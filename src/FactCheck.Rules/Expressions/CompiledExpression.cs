using System.Linq.Expressions;
using System.Reflection;

namespace FactCheck.Rules.Expressions;

/// <summary>
/// Result of compiling one expression. When <see cref="Success"/> is false, <see cref="Diagnostics"/> says why and
/// the lambdas are null. <see cref="Lambda"/> is the plain tree (inspect it, e.g. for hash-join keys);
/// <see cref="GuardedLambda"/> is the same with run-time failures turned into <see cref="ExpressionEvaluationException"/>.
/// Both take exactly the <see cref="UsedNames"/>, in scope order, as parameters.
/// </summary>
public sealed class CompiledExpression
{
    private Delegate? _delegate;

    internal CompiledExpression(ExpressionSource source, IReadOnlyList<ExpressionDiagnostic> diagnostics,
        LambdaExpression? lambda, LambdaExpression? guardedLambda, IReadOnlyList<string> usedNames)
    {
        Source = source;
        Diagnostics = diagnostics;
        Lambda = lambda;
        GuardedLambda = guardedLambda;
        UsedNames = usedNames;
    }

    public ExpressionSource Source { get; }
    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }
    public bool Success => Lambda is not null;
    public LambdaExpression? Lambda { get; }
    public LambdaExpression? GuardedLambda { get; }

    /// <summary>Bound names the expression reads, in scope order (the lambda's parameters).</summary>
    public IReadOnlyList<string> UsedNames { get; }

    /// <summary>Result type: bool for conditions, string for templates, anything for values.</summary>
    public Type? ResultType => Lambda?.ReturnType;

    /// <summary>The guarded delegate (compiled once and cached); throws if the expression had errors.</summary>
    public Delegate CreateDelegate()
    {
        if (GuardedLambda is null)
            throw new InvalidOperationException($"expression has errors: {string.Join("; ", Diagnostics)}");
        return _delegate ??= GuardedLambda.Compile();
    }

    public TDelegate CreateDelegate<TDelegate>() where TDelegate : Delegate =>
        CreateDelegate() as TDelegate ?? throw new InvalidCastException(
            $"expression compiles to {CreateDelegate().GetType().Name}, not {typeof(TDelegate).Name}");

    /// <summary>Slow convenience evaluation (reflection invoke), arguments in <see cref="UsedNames"/> order.</summary>
    public object? Evaluate(params object?[] facts)
    {
        try
        {
            return CreateDelegate().DynamicInvoke(facts);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException is ExpressionEvaluationException ee ? ee : e.InnerException;
        }
    }
}
