namespace FactCheck.Claims.Dates;

/// <summary>Consistency checks the date rules call. Granularity-aware; they answer "unknown" rather than guess.</summary>
public static class DateChecks
{
    /// <summary>Does <paramref name="claimed"/> fit what <paramref name="expression"/> means, read against <paramref name="reference"/>?</summary>
    public static DateCheckResult Fits(string? expression, PartialDate claimed, PartialDate? reference) =>
        Fits(DateResolver.Resolve(expression, reference), claimed);

    /// <summary>Same as the string overload, for an expression already resolved.</summary>
    public static DateCheckResult Fits(DateResolution resolution, PartialDate claimed)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Span is not { } span)
        {
            return new(DateFit.Unknown, "expression unresolved: " + resolution.Reason, resolution);
        }

        var claimedSpan = claimed.Span;
        var tolerance = resolution.Approximate ? " (within the hedge's documented tolerance)" : "";
        if (span.Contains(claimedSpan))
        {
            return new(DateFit.Fits, $"{claimed} lies within {Describe(resolution)}{tolerance}", resolution);
        }

        if (!span.Overlaps(claimedSpan))
        {
            return new(DateFit.DoesNotFit, $"{claimed} lies outside {Describe(resolution)}{tolerance}", resolution);
        }

        return new(DateFit.Unknown,
            $"{claimed} is only partly inside {Describe(resolution)}; it is too coarse to confirm", resolution);
    }

    /// <summary>
    /// Is <paramref name="a"/> entirely after <paramref name="b"/>? Two date-times compare as instants. Otherwise
    /// each value stands for its calendar days: true when every day of a follows every day of b; false when no day
    /// of a follows b's first day (a shared single day counts as "not after" unless one side is a date-time);
    /// null when it depends on where inside a coarser value the event fell (2023-11 vs 2023-11-08).
    /// </summary>
    public static bool? IsAfter(PartialDate a, PartialDate b)
    {
        if (a.Instant is { } ia && b.Instant is { } ib)
        {
            return ia > ib;
        }

        if (a.FirstDay > b.LastDay)
        {
            return true;
        }

        // No day of a follows b's first day; on a shared single day only a date-time could still be later.
        if (a.LastDay < b.FirstDay
            || (a.LastDay == b.FirstDay && a.Granularity != DateGranularity.DateTime && b.Granularity != DateGranularity.DateTime))
        {
            return false;
        }

        return null;
    }

    private static string Describe(DateResolution r) =>
        $"'{r.MatchedText}' = {(object?)r.Value ?? r.Interval}";
}
