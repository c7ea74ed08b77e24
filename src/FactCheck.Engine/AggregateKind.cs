namespace FactCheck.Engine;

/// <summary>The aggregate computed by an <see cref="AggregateElement"/>.</summary>
public enum AggregateKind
{
    /// <summary>Number of matching source facts, as <see cref="int"/>; 0 when none (the element still matches).</summary>
    Count,
    /// <summary>The matching source facts as <c>IReadOnlyList&lt;TFact&gt;</c> (TFact = the source pattern's fact type), in insertion order; empty when none.</summary>
    Collect,
    /// <summary>Sum of the selector over matching facts; selector returns int, long, float, double or decimal; the result has that type; 0 when none.</summary>
    Sum,
    /// <summary>Least selector value (the selector's return type, which must be comparable); no match when there is no source fact.</summary>
    Min,
    /// <summary>Greatest selector value; no match when there is no source fact.</summary>
    Max,
    /// <summary>
    /// Groups matching facts by the selector (the key); one match per non-empty group, bound as
    /// <see cref="IFactGroup{TKey, TFact}"/> (TKey = the selector's return type), groups in order of first appearance.
    /// </summary>
    GroupBy,
}
