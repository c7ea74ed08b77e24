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

    /// <summary>
    /// The order in which collect and group-by results list their facts (and group-by emits its groups, by their first
    /// fact); facts the comparer ranks equal keep insertion order. Null (the default): insertion order, which an update
    /// keeps but a retraction and re-insertion does not. With a comparer over something the caller controls (a fact's
    /// own key or sequence number), a session that retracted and re-inserted facts lists them as a fresh session given
    /// the same facts would. It must be a total order that does not throw; one that throws is recorded as an error of
    /// the aggregate's rule and the facts keep insertion order.
    /// </summary>
    public IComparer<object>? AggregateOrder { get; init; }

    /// <summary>
    /// Whether <see cref="ISession.InsertAll"/> puts all of a batch's facts in the memories they feed from the right
    /// before any of their tokens goes down a rule chain (default false: each fact in turn, both ways). The matches are
    /// the same; what changes is the work and the agenda's order. A token then meets at once every fact of the batch
    /// that blocks, completes or counts towards it, so none passes a not/exists or makes an aggregate's result only to
    /// be retracted when such a fact comes a moment later, nor builds a right memory for nothing on the way; the
    /// batch's matches reach the agenda in the order of their tokens (the order of the facts that start them) rather
    /// than of the facts that complete them. Worth it when facts that block or complete matches come after the ones
    /// they block: a claim's appearances after the claim, in <c>check</c>'s projection (on 100,000 claims it saved
    /// 8 % of the rule run's CPU and 27 MB of the memory kept). It costs a second pass over the batch's facts, cold in
    /// the caches by then: the engine benchmark, whose short-lived matches are few and cheap, took 6–19 % more CPU to
    /// insert a million claims with it.
    /// </summary>
    public bool RightInputsFirst { get; init; }
}
