namespace FactCheck.Engine;

/// <summary>
/// An action of a rule's right-hand side. <paramref name="Description"/> names it in errors (e.g. "emit finding").
/// </summary>
public sealed record RuleAction(Action<IActionContext> Execute, string? Description = null);
