using System.Globalization;

namespace FactCheck.Claims.Dates;

/// <summary>
/// A date known to year, month, day, or date-time-with-offset precision, as news and claim files give it.
/// Values are created through the factory methods or <see cref="TryParse"/>, so they are always valid
/// (except <c>default</c>, which has year 0 and should not be used).
/// </summary>
/// <remarks>
/// Comparison respects granularity: a value stands for the whole span it covers (2023-06 is every day of
/// June 2023). A date-time is treated as its local calendar day when compared with coarser values, and as an
/// instant when compared with another date-time. Record equality is exact: 2023 != 2023-06, but they are
/// <see cref="IsCompatibleWith"/> each other.
/// </remarks>
public readonly record struct PartialDate
{
    private PartialDate(int year, int? month, int? day, TimeOnly? time, TimeSpan? offset)
    {
        Year = year;
        Month = month;
        Day = day;
        Time = time;
        Offset = offset;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    /// <summary>Local time of day; set only for <see cref="DateGranularity.DateTime"/>.</summary>
    public TimeOnly? Time { get; }

    /// <summary>UTC offset of <see cref="Time"/>; set only for <see cref="DateGranularity.DateTime"/>.</summary>
    public TimeSpan? Offset { get; }

    public DateGranularity Granularity =>
        Time is not null ? DateGranularity.DateTime
        : Day is not null ? DateGranularity.Day
        : Month is not null ? DateGranularity.Month
        : DateGranularity.Year;

    /// <summary>First calendar day covered (the local day for a date-time).</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Last calendar day covered (the local day for a date-time).</summary>
    public DateOnly LastDay => new(Year, Month ?? 12, Day ?? DateTime.DaysInMonth(Year, Month ?? 12));

    /// <summary>The days this value covers.</summary>
    public DateInterval Span => new(FirstDay, LastDay);

    /// <summary>The instant, for <see cref="DateGranularity.DateTime"/> values only.</summary>
    public DateTimeOffset? Instant =>
        Time is { } t && Offset is { } o ? new DateTimeOffset(FirstDay.ToDateTime(t), o) : null;

    public static PartialDate OfYear(int year) => new(CheckYear(year), null, null, null, null);

    public static PartialDate OfMonth(int year, int month)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1-12.");
        }

        return new(CheckYear(year), month, null, null, null);
    }

    public static PartialDate OfDay(DateOnly day) => new(day.Year, day.Month, day.Day, null, null);

    public static PartialDate OfDay(int year, int month, int day) => OfDay(new DateOnly(year, month, day));

    public static PartialDate OfInstant(DateTimeOffset instant) =>
        new(instant.Year, instant.Month, instant.Day, TimeOnly.FromTimeSpan(instant.TimeOfDay), instant.Offset);

    /// <summary>
    /// Parses <c>2023</c>, <c>2023-06</c>, <c>2023-11-08</c>, <c>2023-11-08T14:10+05:00</c>
    /// (seconds and fractions optional, offset <c>Z</c> or <c>±hh:mm</c>, required for a time).
    /// Never throws; on failure <paramref name="error"/> says why.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate value, out string? error)
    {
        value = default;
        error = Parse(text?.Trim(), ref value);
        return error is null;
    }

    /// <summary>Parses like <see cref="TryParse"/>, throwing <see cref="FormatException"/> with the reason.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>True when every day (or the instant) of <paramref name="other"/> lies within this value.</summary>
    public bool Contains(PartialDate other)
    {
        if (Granularity == DateGranularity.DateTime)
        {
            return other.Granularity == DateGranularity.DateTime && Instant == other.Instant;
        }

        return Span.Contains(other.Span);
    }

    /// <summary>True when the two values could denote the same moment (one contains the other).</summary>
    public bool IsCompatibleWith(PartialDate other) => Contains(other) || other.Contains(this);

    /// <summary>Canonical ISO form; seconds are printed only when non-zero, a zero offset prints as Z.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var s = Year.ToString("D4", inv);
        if (Month is { } m)
        {
            s += "-" + m.ToString("D2", inv);
        }

        if (Day is { } d)
        {
            s += "-" + d.ToString("D2", inv);
        }

        if (Time is { } t && Offset is { } o)
        {
            s += "T" + t.ToString(t.Ticks % TimeSpan.TicksPerMinute == 0 ? "HH:mm"
                : t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", inv);
            s += o == TimeSpan.Zero ? "Z"
                : (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", inv);
        }

        return s;
    }

    private static int CheckYear(int year) => year is >= 1 and <= 9999
        ? year
        : throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 1-9999.");

    /// <summary>The forms a date may take, ending the reason for text that is none of them.</summary>
    internal const string Expected =
        "expected an ISO date such as 2023, 2023-06, 2023-11-08 or 2023-11-08T14:10+05:00";

    // Hand-written rather than DateTime.TryParseExact: we need partial forms and a precise reason.
    private static string? Parse(string? s, ref PartialDate value)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "empty date; " + Expected;
        }

        if (s.Length > 40)
        {
            return "date text is too long; " + Expected;
        }

        var i = 0;
        if (!Digits(s, ref i, 4, out var year))
        {
            return $"'{s}': year must be four digits; " + Expected;
        }

        if (year == 0)
        {
            return $"'{s}': year 0000 is not valid";
        }

        if (i == s.Length)
        {
            value = new(year, null, null, null, null);
            return null;
        }

        if (s[i++] != '-' || !Digits(s, ref i, 2, out var month))
        {
            return $"'{s}': " + Expected;
        }

        if (month is < 1 or > 12)
        {
            return $"'{s}': month {month} is out of range 1-12";
        }

        if (i == s.Length)
        {
            value = new(year, month, null, null, null);
            return null;
        }

        if (s[i++] != '-' || !Digits(s, ref i, 2, out var day))
        {
            return $"'{s}': " + Expected;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            return $"'{s}': day {day} does not exist in {year:D4}-{month:D2} (it has {daysInMonth} days)";
        }

        if (i == s.Length)
        {
            value = new(year, month, day, null, null);
            return null;
        }

        if (s[i] is not ('T' or 't'))
        {
            return $"'{s}': unexpected '{s[i]}' after the date; " + Expected;
        }

        i++;
        if (!Digits(s, ref i, 2, out var hour) || i >= s.Length || s[i++] != ':' || !Digits(s, ref i, 2, out var minute))
        {
            return $"'{s}': time must be hh:mm or hh:mm:ss; " + Expected;
        }

        var second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (!Digits(s, ref i, 2, out second))
            {
                return $"'{s}': seconds must be two digits";
            }

            if (i < s.Length && s[i] == '.')
            {
                i++;
                var start = i;
                long frac = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (i - start < 7)
                    {
                        frac = (frac * 10) + (s[i] - '0');
                    }

                    i++;
                }

                if (i == start)
                {
                    return $"'{s}': missing digits after the decimal point";
                }

                for (var n = Math.Min(i - start, 7); n < 7; n++)
                {
                    frac *= 10;
                }

                fractionTicks = frac;
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return $"'{s}': time {hour:D2}:{minute:D2}:{second:D2} is out of range";
        }

        if (i == s.Length)
        {
            return $"'{s}': a time needs a UTC offset (Z or ±hh:mm)";
        }

        TimeSpan offset;
        if (s[i] is 'Z' or 'z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            var sign = s[i++] == '-' ? -1 : 1;
            if (!Digits(s, ref i, 2, out var oh) || i >= s.Length || s[i++] != ':' || !Digits(s, ref i, 2, out var om))
            {
                return $"'{s}': offset must be ±hh:mm";
            }

            if (om > 59 || oh * 60 + om > 14 * 60)
            {
                return $"'{s}': offset {(sign < 0 ? '-' : '+')}{oh:D2}:{om:D2} is out of range ±14:00";
            }

            offset = TimeSpan.FromMinutes(sign * (oh * 60 + om));
        }
        else
        {
            return $"'{s}': a time needs a UTC offset (Z or ±hh:mm)";
        }

        if (i != s.Length)
        {
            return $"'{s}': unexpected text after the offset";
        }

        var time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fractionTicks));
        value = new(year, month, day, time, offset);
        return null;
    }

    private static bool Digits(string s, ref int i, int count, out int number)
    {
        number = 0;
        if (i + count > s.Length)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var c = s[i + k];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        i += count;
        return true;
    }
}
