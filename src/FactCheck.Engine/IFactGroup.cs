namespace FactCheck.Engine;

/// <summary>One group of a <see cref="AggregateKind.GroupBy"/> aggregate: its key and its facts in insertion order.</summary>
public interface IFactGroup<out TKey, out TFact> : IReadOnlyList<TFact>
{
    /// <summary>The group's key (the selector's value shared by its facts).</summary>
    TKey Key { get; }
}
