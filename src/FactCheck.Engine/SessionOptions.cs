namespace FactCheck.Engine;

/// <summary>Options of a session.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// Firings allowed in one <see cref="ISession.Fire"/> call before it stops with a <see cref="RuleLoopException"/>
    /// naming the rules that were firing (default 1,000,000).
    /// </summary>
    public int MaxFirings { get; init; } = 1_000_000;

    /// <summary>
    /// Partial matches (tokens) one session may build, all operations together, before the operation that builds one
    /// more stops with a <see cref="MatchLimitException"/> naming the rule (default 20,000,000, some 4 GB). A join of two
    /// large sets of facts builds a token per pair: this trips as it grows, not after the pairs have taken the memory.
    /// </summary>
    public int MaxPartialMatches { get; init; } = 20_000_000;

    /// <summary>Stop (throw after the operation) or continue after a condition or action threw (default <see cref="ErrorPolicy.Stop"/>).</summary>
    public ErrorPolicy ErrorPolicy { get; init; } = ErrorPolicy.Stop;

    /// <summary>Whether <see cref="ISession.Firings"/> keeps the match of every firing (default true; turn off for huge runs).</summary>
    public bool RecordFirings { get; init; } = true;
}
