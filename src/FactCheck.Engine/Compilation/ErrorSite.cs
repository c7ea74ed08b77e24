namespace FactCheck.Engine.Compilation;

/// <summary>Where a compiled delegate comes from, for error reports.</summary>
internal sealed class ErrorSite(RuleDefinition rule, RuleElement? element, string what)
{
    public readonly RuleDefinition Rule = rule;
    public readonly RuleElement? Element = element;
    public readonly string What = what;
}
