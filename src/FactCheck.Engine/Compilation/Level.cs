namespace FactCheck.Engine.Compilation;

/// <summary>One level of a chain's tokens: the name and static type bound there (null for not/exists levels).</summary>
internal readonly record struct Level(string? Name, Type? Type);
