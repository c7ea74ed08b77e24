namespace FactCheck.Engine;

/// <summary>
/// A compiled rule set: the network's structure and compiled conditions. Immutable and thread-safe: compile once and
/// create any number of sessions, from any threads.
/// </summary>
public interface ICompiledRuleSet
{
    /// <summary>The rules, in declaration order.</summary>
    IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Creates an empty session (each session has its own memories; sessions are independent).</summary>
    ISession CreateSession(SessionOptions? options = null);
}
