namespace FactCheck.Engine;

/// <summary>
/// A production rule: when <paramref name="Lhs"/> matches, its <paramref name="Actions"/> run (in order) for that match.
/// The rule's declaration order is its index in the sequence given to <see cref="RuleCompiler.Compile"/>; it breaks
/// priority ties on the agenda.
/// </summary>
/// <param name="Name">Unique, non-empty; used in every error and explanation.</param>
/// <param name="Priority">Higher fires first.</param>
/// <param name="Lhs">The left-hand side (a single pattern or any tree of elements).</param>
/// <param name="Actions">Run in order when an activation fires.</param>
/// <param name="Tag">The caller's metadata (e.g. the rule's source position); never read by the engine.</param>
public sealed record RuleDefinition(string Name, int Priority, RuleElement Lhs, IReadOnlyList<RuleAction> Actions, object? Tag = null);
