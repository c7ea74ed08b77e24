namespace FactCheck.Rules.Expressions;

/// <summary>A name bound by a rule pattern (e.g. <c>c</c>) and the .NET type of the fact it holds.</summary>
public sealed record ScopeVariable(string Name, Type Type);
