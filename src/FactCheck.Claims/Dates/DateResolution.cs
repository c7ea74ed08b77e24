namespace FactCheck.Claims.Dates;

/// <summary>
/// What a date expression means against a reference date. Exactly one of <see cref="Value"/> (a calendar
/// year/month/day) or <see cref="Interval"/> (a span of days, e.g. "last week", "nearly two years ago") is set
/// when <see cref="Status"/> is Resolved; when Unresolved, <see cref="Reason"/> says why and neither is set.
/// </summary>
public sealed record DateResolution
{
    public required ResolutionStatus Status { get; init; }

    public PartialDate? Value { get; init; }

    public DateInterval? Interval { get; init; }

    /// <summary>True when the span comes from a hedge or a vague word and is a documented tolerance.</summary>
    public bool Approximate { get; init; }

    /// <summary>Name of the rule that matched (see the README table); null when nothing matched.</summary>
    public string? RuleName { get; init; }

    /// <summary>The text of the matched date expression, as it appears in the input.</summary>
    public string? MatchedText { get; init; }

    /// <summary>Char index of <see cref="MatchedText"/> in the input, -1 when nothing matched.</summary>
    public int MatchIndex { get; init; } = -1;

    /// <summary>Why the expression is unresolved; for resolved ones, a short explanation of the reading.</summary>
    public string? Reason { get; init; }

    public bool IsResolved => Status == ResolutionStatus.Resolved;

    /// <summary>The days the resolution covers: the interval, or the value's span.</summary>
    public DateInterval? Span => Interval ?? Value?.Span;

    public override string ToString() => Status == ResolutionStatus.Resolved
        ? $"{(object?)Value ?? Interval}{(Approximate ? " (approx.)" : "")} via {RuleName} from '{MatchedText}'"
        : $"unresolved: {Reason}";
}
