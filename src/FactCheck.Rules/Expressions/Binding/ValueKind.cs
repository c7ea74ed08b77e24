namespace FactCheck.Rules.Expressions.Binding;

/// <summary>The language-level type of a value, independent of the exact .NET type and nullability.</summary>
internal enum ValueKind
{
    Unsupported, Null, Text, Integer, Real, Boolean, Date, DateTime, Enum, Fact, List, Any,
}
