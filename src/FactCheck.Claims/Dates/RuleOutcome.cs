namespace FactCheck.Claims.Dates;

/// <summary>The result of one rule for one reference day and direction.</summary>
internal readonly record struct RuleOutcome(PartialDate? Value, DateInterval? Interval, bool Approximate, string? Failure)
{
    internal static RuleOutcome Of(PartialDate value) => new(value, null, false, null);

    internal static RuleOutcome Of(DateOnly day) => new(PartialDate.OfDay(day), null, false, null);

    internal static RuleOutcome Span(DateOnly start, DateOnly end, bool approximate = false) =>
        new(null, new DateInterval(start, end), approximate, null);

    internal static RuleOutcome Fail(string reason) => new(null, null, false, reason);
}
