namespace FactCheck.Rules.Expressions;

/// <summary>A compile-time problem in an expression, positioned in the YAML file (1-based).</summary>
public sealed record ExpressionDiagnostic(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
