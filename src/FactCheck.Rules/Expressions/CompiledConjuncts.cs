namespace FactCheck.Rules.Expressions;

/// <summary>
/// A condition split at its top-level <c>&amp;&amp;</c>; each conjunct is compiled on its own so the engine can
/// place single-fact tests in the alpha network and equalities between two facts into join keys.
/// </summary>
public sealed record CompiledConjuncts(IReadOnlyList<CompiledExpression> Conjuncts, IReadOnlyList<ExpressionDiagnostic> Diagnostics)
{
    public bool Success => Diagnostics.Count == 0 && Conjuncts.Count > 0;

    /// <summary>Every name used by any conjunct, in scope order.</summary>
    public IReadOnlyList<string> UsedNames { get; init; } = [];
}
