using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>The recognised date forms, in priority order (earlier wins a tie between equally long matches).</summary>
internal static partial class DateRules
{
    internal const string NoReference = "no reference date: the expression is relative to the publication date";

    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    // Generated at build time (no Reflection.Emit at start-up, no interpreter): a check's first date costs nothing extra.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const int MatchTimeoutMilliseconds = 2000;

    // "May" and "March" must be capitalised (or all caps): in lower case they are almost always a verb or noun.
    private const string MonthName =
        @"(?<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|(?-i:Mar(?:ch|\.)?|MAR(?:CH|\.)?)|apr(?:il|\.)?|(?-i:May|MAY)|jun(?:e|\.)?"
        + @"|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])";

    private const string Weekday = @"(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b";

    private const string Day = @"(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th)?(?![\d])";

    private const string Year = @"(?<year>[12]\d{3})(?![\d])";

    /// <summary>Words that make the following date a bound ("before June"), or a start ("since June").</summary>
    internal const string Qualifier = @"since|before|after|until|till|by|through|from|prior\s+to|ahead\s+of";

    private static readonly string[] MonthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    internal static readonly IReadOnlyList<DateRule> All =
    [
        Rule("iso-date", IsoDatePattern(),
            (m, _, _) => PartialDate.TryParse(m.Groups["iso"].Value, out var d, out var error)
                ? RuleOutcome.Of(d) : RuleOutcome.Fail(error!)),
        Rule("numeric-date", NumericDatePattern(),
            ResolveNumeric),
        Rule("month-day", MonthDayPattern(),
            ResolveMonthDay),
        Rule("day-month", DayMonthPattern(),
            ResolveMonthDay),
        Rule("month-year", MonthYearPattern(),
            (m, _, _) => RuleOutcome.Of(PartialDate.OfMonth(YearOf(m), MonthOf(m)))),
        Rule("month", MonthPattern(),
            ResolveMonth),
        Rule("year", YearPattern(),
            (m, _, _) => RuleOutcome.Of(PartialDate.OfYear(YearOf(m)))),
        Rule("decade", DecadePattern(),
            (m, _, _) =>
            {
                var start = int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture) * 10;
                return RuleOutcome.Span(new DateOnly(start, 1, 1), new DateOnly(start + 9, 12, 31));
            }),
        Rule("weekday", WeekdayPattern(),
            ResolveWeekday),
        Rule("relative-day", RelativeDayPattern(),
            ResolveRelativeDay),
        Rule("relative-period", RelativePeriodPattern(),
            ResolveRelativePeriod),
        Rule("ago", AgoPattern(),
            ResolveAgo),
        Rule("season", SeasonPattern(),
            (m, _, _) => RuleOutcome.Fail("seasons are not resolved: their months depend on hemisphere and convention")),
        Rule("earlier", EarlierPattern(),
            (_, r, _) => r is { } today ? RuleOutcome.Span(DateOnly.MinValue, today, approximate: true) : RuleOutcome.Fail(NoReference)),
    ];

    private static DateRule Rule(string name, Regex pattern, Func<Match, DateOnly?, TenseDirection, RuleOutcome> resolve) =>
        new(name, pattern, resolve);

    [GeneratedRegex(@"\b(?:on\s+)?(?<iso>\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:\d{2})?)?)(?![\d-])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<![\w/])(?:on\s+)?(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})(?![\d/])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\b(?:on\s+)?(?:" + Weekday + @",?\s+)?(?:the\s+)?" + MonthName + @"(?:(?<=\.)\s*|\s+)(?:the\s+)?" + Day + @"(?!,\d)(?:,?\s+" + Year + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?:on\s+)?(?:" + Weekday + @",?\s+)?(?:the\s+)?" + Day + @"\s+(?:of\s+)?" + MonthName + @"(?:,?\s+" + Year + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?:in\s+|during\s+)?(?:(?:early|mid|late)[\s-]+)?" + MonthName + @",?\s+(?:of\s+)?" + Year, Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"(?:\b(?:(?<prep>in|last|next|this|during|of|" + Qualifier + @")[\s-]+)(?:(?:early|mid|late)[\s-]+)?|\b(?:early|mid|late)[\s-]+)" + MonthName + @"(?!\s*(?:\d|the\s+\d))|^\s*" + MonthName + @"\s*$", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"(?:\b(?:in|during|copyright|early|mid|late|the\s+year|" + Qualifier + @")[\s-]+|(?:©|\(c\))\s*)" + Year + @"(?!\s*(?:%|percent|per\s+cent|[\d,.]\d))|^\s*" + Year + @"\s*$", Options, MatchTimeoutMilliseconds)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b(?:(?:in|during)\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?<dec>[12]\d{2})0'?s\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DecadePattern();

    [GeneratedRegex(@"\b(?:(?<mod>earlier|later|early|late),?\s+)?(?:(?<pre>on|last|next|this\s+past|this\s+coming|this|coming|past)\s+)?" + Weekday + @"(?:\s+(?:morning|afternoon|evening|night))?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?:(?:earlier|later|early|late)\s+)?(?<word>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday" + @"|(?:the\s+)?day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)(?:\s+(?:morning|afternoon|evening|night))?\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RelativeDayPattern();

    [GeneratedRegex(@"\b(?:(?<mod>earlier|later)\s+)?(?:(?:in|over|during|within)\s+)?(?<the>the\s+)?(?<pre>last|previous|past|this|current|next|coming)\s+(?<unit>week|month|year)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RelativePeriodPattern();

    [GeneratedRegex(@"\b(?:(?<hedge>nearly|almost|about|around|roughly|approximately|some|close\s+to|just\s+under|just\s+over|more\s+than|over" + @"|less\s+than|under|fewer\s+than|at\s+least|not\s+quite|barely|only|just|exactly)\s+)?(?<n>" + NumberWords.Pattern + @")\s+(?<unit>day|week|month|year|decade)s?\s+ago\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b(?:(?:in|during|last|this|next|early|late|mid|since)\s+(?:the\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + ")?" + @"|(?<season>spring|summer|autumn|winter)(?:\s+of)?\s+" + Year + @"|fall\s+of\s+" + Year + @")\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SeasonPattern();

    [GeneratedRegex(@"(?<!\b(?:an|the|a|its|his|her|their|our|your|my|this|that)\s+)\bearlier\b(?!\s+than)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex EarlierPattern();

    private static int MonthOf(Match m) =>
        Array.IndexOf(MonthKeys, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;

    private static int YearOf(Match m) => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);

    private static DayOfWeek? WeekdayOf(Match m) =>
        m.Groups["wd"].Success ? Enum.Parse<DayOfWeek>(m.Groups["wd"].Value, ignoreCase: true) : null;

    internal static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static RuleOutcome ResolveNumeric(Match m, DateOnly? today, TenseDirection direction)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        (int Month, int Day)? md = a > 12 && b <= 12 ? (b, a) : b > 12 && a <= 12 ? (a, b) : a == b ? (a, b) : null;
        if (md is not { } x)
        {
            return RuleOutcome.Fail($"numeric date '{m.Value.Trim()}' is ambiguous (day/month order unknown)");
        }

        return x.Month is >= 1 and <= 12 && x.Day >= 1 && x.Day <= DateTime.DaysInMonth(y, x.Month)
            ? RuleOutcome.Of(new DateOnly(y, x.Month, x.Day))
            : RuleOutcome.Fail($"numeric date '{m.Value.Trim()}' is not a valid date");
    }

    private static RuleOutcome ResolveMonthDay(Match m, DateOnly? today, TenseDirection direction)
    {
        var month = MonthOf(m);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        if (day is < 1 or > 31 || day > (month == 2 ? 29 : DateTime.DaysInMonth(2023, month)))
        {
            return RuleOutcome.Fail($"{monthName} {day} does not exist");
        }

        DateOnly date;
        if (m.Groups["year"].Success)
        {
            var year = YearOf(m);
            if (day > DateTime.DaysInMonth(year, month))
            {
                return RuleOutcome.Fail($"{monthName} {day} does not exist in {year}");
            }

            date = new DateOnly(year, month, day);
        }
        else if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }
        else
        {
            // Past: latest occurrence on or before the reference; future: earliest on or after. Feb 29 may skip years.
            var step = direction == TenseDirection.Past ? -1 : 1;
            DateOnly? found = null;
            for (var y = r.Year; found is null && Math.Abs(y - r.Year) <= 8; y += step)
            {
                if (y is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(y, month))
                {
                    var candidate = new DateOnly(y, month, day);
                    if (step < 0 ? candidate <= r : candidate >= r)
                    {
                        found = candidate;
                    }
                }
            }

            if (found is not { } f)
            {
                return RuleOutcome.Fail($"no {monthName} {day} near the reference date");
            }

            date = f;
        }

        if (WeekdayOf(m) is { } wd && date.DayOfWeek != wd)
        {
            return RuleOutcome.Fail($"'{wd}' contradicts {date:yyyy-MM-dd}, which is a {date.DayOfWeek}");
        }

        return RuleOutcome.Of(date);
    }

    private static RuleOutcome ResolveMonth(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var month = MonthOf(m);
        var refIndex = (r.Year * 12) + r.Month - 1;
        var yearThis = r.Year * 12 + month - 1;
        var index = m.Groups["prep"].Value.ToLowerInvariant() switch
        {
            "last" => yearThis < refIndex ? yearThis : yearThis - 12,
            "next" => yearThis > refIndex ? yearThis : yearThis + 12,
            "this" => yearThis,
            _ when direction == TenseDirection.Future => yearThis >= refIndex ? yearThis : yearThis + 12,
            _ => yearThis <= refIndex ? yearThis : yearThis - 12,
        };
        return RuleOutcome.Of(PartialDate.OfMonth(index / 12, (index % 12) + 1));
    }

    private static RuleOutcome ResolveWeekday(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var wd = WeekdayOf(m)!.Value;
        var back = ((int)r.DayOfWeek - (int)wd + 7) % 7;   // days back to the latest such weekday, 0 = today
        var ahead = ((int)wd - (int)r.DayOfWeek + 7) % 7;  // days ahead to the next such weekday, 0 = today
        var pre = Regex.Replace(m.Groups["pre"].Value.ToLowerInvariant(), @"\s+", " ");
        var date = pre switch
        {
            "last" or "this past" or "past" => r.AddDays(back == 0 ? -7 : -back),
            "next" or "this coming" or "coming" => r.AddDays(ahead == 0 ? 7 : ahead),
            "this" => MondayOf(r).AddDays(((int)wd + 6) % 7),
            _ when direction == TenseDirection.Future => r.AddDays(ahead),
            _ => r.AddDays(-back),
        };
        return RuleOutcome.Of(date);
    }

    private static RuleOutcome ResolveRelativeDay(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var word = m.Groups["word"].Value.ToLowerInvariant();
        var offset = word switch
        {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ when word.StartsWith("last", StringComparison.Ordinal) => -1,
            _ when word.EndsWith("before yesterday", StringComparison.Ordinal) => -2,
            _ when word.EndsWith("after tomorrow", StringComparison.Ordinal) => 2,
            _ => 0,
        };
        return RuleOutcome.Of(r.AddDays(offset));
    }

    private static RuleOutcome ResolveRelativePeriod(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var pre = m.Groups["pre"].Value.ToLowerInvariant();
        var the = m.Groups["the"].Success;
        var mod = m.Groups["mod"].Value.ToLowerInvariant();

        DateOnly Back(DateOnly d, int n) => unit switch { "week" => d.AddDays(-7 * n), "month" => d.AddMonths(-n), _ => d.AddYears(-n) };

        if (pre == "past" || (the && pre == "last"))
        {
            return RuleOutcome.Span(Back(r, 1), r);   // rolling: "the past week" = the 7 days up to the reference
        }

        if (the && pre is "next" or "coming")
        {
            return RuleOutcome.Span(r, Back(r, -1));
        }

        var shift = pre switch { "last" or "previous" => -1, "next" or "coming" => 1, _ => 0 };
        var (start, end) = unit switch
        {
            "week" => (MondayOf(r).AddDays(7 * shift), MondayOf(r).AddDays((7 * shift) + 6)),
            "month" => (new DateOnly(r.Year, r.Month, 1).AddMonths(shift), new DateOnly(r.Year, r.Month, 1).AddMonths(shift + 1).AddDays(-1)),
            _ => (new DateOnly(r.Year + shift, 1, 1), new DateOnly(r.Year + shift, 12, 31)),
        };

        if (shift == 0 && mod == "earlier")
        {
            return RuleOutcome.Span(start, r);
        }

        if (shift == 0 && mod == "later")
        {
            return RuleOutcome.Span(r, end);
        }

        return unit switch
        {
            "month" => RuleOutcome.Of(PartialDate.OfMonth(start.Year, start.Month)),
            "year" => RuleOutcome.Of(PartialDate.OfYear(start.Year)),
            _ => RuleOutcome.Span(start, end),
        };
    }

    private static RuleOutcome ResolveAgo(Match m, DateOnly? today, TenseDirection direction)
    {
        if (NumberWords.Parse(m.Groups["n"].Value, out var approximateCount) is not { } n)
        {
            return RuleOutcome.Fail($"vague count '{m.Groups["n"].Value}': no number to count back");
        }

        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var inDays = unit is "day" or "week";
        var amount = n * unit switch { "week" => 7, "year" => 12, "decade" => 120, _ => 1 };  // days or months
        var hedge = Regex.Replace(m.Groups["hedge"].Value.ToLowerInvariant(), @"\s+", " ");
        var kind = hedge switch
        {
            "nearly" or "almost" or "close to" or "just under" or "not quite" => "nearly",
            "about" or "around" or "roughly" or "approximately" or "some" => "about",
            "more than" or "over" or "just over" or "at least" => "more",
            "less than" or "under" or "fewer than" => "less",
            _ when approximateCount || unit == "decade" => "about",
            _ => "exact",
        };

        DateOnly Back(int k) => inDays ? r.AddDays(-k) : r.AddMonths(-k);

        if (kind == "exact")
        {
            return unit switch
            {
                "day" => RuleOutcome.Of(r.AddDays(-n)),
                "week" => RuleOutcome.Span(r.AddDays(-amount - 3), r.AddDays(-amount + 3), approximate: true),
                "month" => RuleOutcome.Of(PartialDate.OfMonth(r.AddMonths(-n).Year, r.AddMonths(-n).Month)),
                _ => RuleOutcome.Of(PartialDate.OfYear(r.Year - n)),
            };
        }

        var tolerance = Math.Max(1, (int)Math.Ceiling(amount * 0.25));
        var (low, high) = kind switch
        {
            "nearly" => (amount - tolerance, amount),
            "about" => (amount - tolerance, amount + tolerance),
            "more" => (amount, amount + (2 * tolerance)),
            _ => (0, amount),
        };
        return RuleOutcome.Span(Back(high), Back(Math.Max(0, low)), approximate: kind != "less");
    }
}
