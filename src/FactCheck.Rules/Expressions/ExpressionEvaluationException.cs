namespace FactCheck.Rules.Expressions;

/// <summary>
/// An expression failed while evaluating one set of facts (division by zero, overflow, regex timeout, ...).
/// Thrown by the guarded delegates; the rule layer catches it per rule and per fact.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string reason, string expressionText, int line, int column, Exception? inner)
        : base($"{line}:{column}: {reason} in expression '{expressionText}'", inner)
    {
        Reason = reason;
        ExpressionText = expressionText;
        Line = line;
        Column = column;
    }

    /// <summary>Short cause, e.g. "division by zero".</summary>
    public string Reason { get; }
    public string ExpressionText { get; }
    public int Line { get; }
    public int Column { get; }

    // Called from compiled trees.
    internal static ExpressionEvaluationException Wrap(Exception inner, string text, int line, int column) =>
        new(Describe(inner), text, line, column, inner);

    private static string Describe(Exception e) => e switch
    {
        DivideByZeroException => "division by zero",
        OverflowException => "number out of range (overflow)",
        System.Text.RegularExpressions.RegexMatchTimeoutException => "regular expression took too long",
        NullReferenceException => "a bound fact was null",
        _ => e.Message,
    };
}
