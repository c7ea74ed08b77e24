namespace FactCheck.Claims.Dates;

/// <summary>
/// An inclusive range of calendar days. <see cref="DateOnly.MinValue"/> as <see cref="Start"/> means
/// "open-ended in the past" (e.g. "earlier": some time up to the reference day).
/// </summary>
public readonly record struct DateInterval
{
    public DateInterval(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"Interval end {end:yyyy-MM-dd} is before its start {start:yyyy-MM-dd}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public bool IsOpenStart => Start == DateOnly.MinValue;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    public bool Contains(DateInterval other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(DateInterval other) => Start <= other.End && other.Start <= End;

    /// <summary>ISO 8601 interval notation; an open start prints as "..".</summary>
    public override string ToString() =>
        (IsOpenStart ? ".." : Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        + "/" + End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
