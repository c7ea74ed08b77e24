namespace FactCheck.Claims.Model;

/// <summary>A date expression as printed in an appearance ("on Wednesday", "nearly two years ago").</summary>
public sealed record DateExpression(string Text, Location Location);
