namespace FactCheck.Engine;

/// <summary>
/// A session built <see cref="SessionOptions.MaxPartialMatches"/> partial matches: a rule joins more facts than the
/// limit allows (most often every pair of two large sets). The operation stopped part-way; the session is no longer
/// consistent and must be discarded.
/// </summary>
public sealed class MatchLimitException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    public MatchLimitException(int limit, string? rule)
        : base($"more than {limit} partial matches in one session{(rule is null ? string.Empty : $", the last built for rule '{rule}'")}")
    {
        Limit = limit;
        Rule = rule;
    }

    /// <summary>The limit that was reached.</summary>
    public int Limit { get; }

    /// <summary>The rule the last partial match was built for, when one node serves one rule.</summary>
    public string? Rule { get; }
}
