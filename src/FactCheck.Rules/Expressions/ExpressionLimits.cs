namespace FactCheck.Rules.Expressions;

/// <summary>Hard limits that keep hostile or accidental input from exhausting the compiler.</summary>
public sealed record ExpressionLimits(int MaxLength = 10_000, int MaxDepth = 100)
{
    public static ExpressionLimits Default { get; } = new();
}
