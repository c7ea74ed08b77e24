namespace FactCheck.Engine;

/// <summary>One firing, as recorded in <see cref="ISession.Firings"/>: its sequence number (1-based, per session) and its match.</summary>
public sealed record RuleFiring(long Sequence, RuleMatch Match);
