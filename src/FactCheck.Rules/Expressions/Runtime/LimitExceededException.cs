namespace FactCheck.Rules.Expressions.Runtime;

/// <summary>An expression reached one of the run-time limits of <see cref="ExpressionRuntime"/>; its message says which.</summary>
internal sealed class LimitExceededException(string message) : Exception(message);
