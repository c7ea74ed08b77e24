using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>Periods: ranges, weeks, quarters, halves, fiscal years, decades, centuries, weekends, holidays.</summary>
internal static partial class DateRules
{
    private const string YearRel = @"(?<yrel>this|last|next)\s+year";

    [GeneratedRegex(@"\b(?<mod>earlier|later|late|early)\s+in\s+the\s+year\b(?![\s-]*(?:earlier|ago|before|after))|\b(?:for\s+|during\s+|over\s+)?(?<rest>the\s+rest\s+of\s+the\s+year)\b"
        + @"|\bthe\s+year\b(?![\s-]*(?:earlier|ago|before|after|\d|'\d|[a-z]+-old|that|when|in\s+which|of)\b)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex TheYearPattern();

    [GeneratedRegex(@"\b(?:on\s+)?" + Weekday + @",?\s+the\s+(?<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayDayPattern();

    [GeneratedRegex(@"\b(?:(?:during|in|for)\s+)?the\s+week\s+of\s+(?:" + MonthName + @"(?:(?<=\.)\s*|\s+)(?:the\s+)?" + Day + "|" + Day + @"\s+(?:of\s+)?" + MonthName + @")(?:\s*,\s*" + Year + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekOfPattern();

    [GeneratedRegex(@"\bbetween\s+(?:the\s+years\s+)?(?<year>[12]\d{3})\s+and\s+(?<y2>[12]\d{3})(?![\d/-])|\b(?:from\s+)?(?:the\s+years\s+)?(?<year>[12]\d{3})\s*(?<sep>-|/|to|through|thru|until)\s*(?<y2>[12]\d{3}|\d{2})(?![\d/-]|\s*(?:%|percent))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex YearRangePattern();

    [GeneratedRegex(@"\b(?:(?:in|during|for)\s+)?(?:the\s+)?fiscal(?:\s+year)?\s+(?:" + Year + @"(?:\s*[-/]\s*(?<y2>[12]\d{3}|\d{2})(?![\d/-]))?|'(?<yy>\d{2})(?!\d))|\bFY\s?(?:(?<year>[12]\d{3})|'?(?<yy>\d{2}))(?!\d)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex FiscalYearPattern();

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?<ord>\d{1,2})(?:st|nd|rd|th)|(?<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first))[\s-]+century\b"
        + @"|\b(?<pre>this|last|next|the\s+last|the\s+past|the\s+previous|the\s+current|the\s+next)\s+century\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex CenturyPattern();

    [GeneratedRegex(@"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?:(?<year>[12]\d{3})\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:(?:\s*,\s*|\s+)(?:of\s+)?(?:" + YearRel + "|" + Year + @"))?"
        + @"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?<ord>final|last)[\s-]+quarter\s+of\s+(?:" + YearRel + "|" + Year + @")"
        + @"|\b(?:Q(?<qn>[1-4])|(?<qn>[1-4])Q)(?:\s*(?:of\s+)?" + Year + @"|\s*'(?<yy>\d{2})|(?<yy>\d{2}))?\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?<pre>latest|most\s+recent|last|past|recent|current|this|next|coming|previous|prior|same)\s+quarter\b(?!\s+of\b|\s+century)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RelativeQuarterPattern();

    // Only with a year: "the first half" alone is as often a match's first half.
    [GeneratedRegex(@"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?:(?<year>[12]\d{3})\s+(?<ord>first|second|1st|2nd)[\s-]+half\b|(?<ord>first|second|1st|2nd|back)[\s-]+half\b(?:\s*,\s*|\s+)(?:of\s+)?(?:" + YearRel + "|" + Year + @"))"
        + @"|\bH(?<hn>[12])(?:\s*" + Year + @"|\s*'(?<yy>\d{2})|(?<yy>\d{2}))\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex HalfPattern();

    /// <summary>Holiday names, case-sensitive: "election day" in lower case is any country's.</summary>
    private const string HolidayNames = @"(?-i:Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year(?:'s|s)\s+Eve|New\s+Year(?:'s|s)(?:\s+Day)?"
        + @"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Palm\s+Sunday|Ash\s+Wednesday|Pentecost|Whit\s+(?:Sunday|Monday)|(?:the\s+)?Fourth\s+of\s+July|July\s+Fourth"
        + @"|Halloween|Valentine(?:'s|s)?\s+Day|Labor\s+Day|Memorial\s+Day|Veterans(?:'|')?\s+Day|Presidents(?:'|')?\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day"
        + @"|Boxing\s+Day|St\.?\s+Patrick(?:'s|s)\s+Day|Saint\s+Patrick(?:'s|s)\s+Day|Bastille\s+Day|Election\s+Day|Black\s+Friday|Cyber\s+Monday|May\s+Day|Columbus\s+Day"
        + @"|Armistice\s+Day|Remembrance\s+Day|Guy\s+Fawkes\s+Night|Bonfire\s+Night|Epiphany)";

    [GeneratedRegex(@"\b(?:(?<pre>last|next|this\s+past|this\s+coming|this)\s+)?(?:(?:on|at|over)\s+)?(?<h>" + HolidayNames + @")\b(?:(?:\s*,\s*|\s+)(?:of\s+)?" + Year + @")?"
        + @"(?!\s*(?:'s\s+)?(?:shopping|season|sales?|trees?|lights|part(?:y|ies)|cards?|presents?|gifts?|holidays?|period|break|rush|markets?|dinners?|decorations|spirit|carols?"
        + @"|weekend|week|travel|spending|music|songs?|movies?|films?|specials?|resolutions?|honou?rs|lists?|Island|Rising|bonus|bonuses|retail|retailers|deals?|stockings?|menu|feast|rally|lunch|tradition|traditions|recess)\b)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex HolidayPattern();

    [GeneratedRegex(@"\b(?:on\s+)?" + Weekday + @",?\s+(?:of\s+)?(?<pre>next|last|this)\s+week\b|\b(?<pre>next|last|this)\s+week\s+on\s+" + Weekday, Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayWeekPattern();

    [GeneratedRegex(@"\b(?:(?:over|during|on|at|for|in)\s+)?(?:(?<the>the)|(?<pre>this\s+past|this\s+coming|this|last|next|past|coming))\s+weekend\b(?!'s\s+(?:game|match|race))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekendPattern();

    [GeneratedRegex(@"\b(?:(?:in|during)\s+)?(?:the\s+)?(?<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?:(?<rel>this|last|next)\s+(?<unit>month|year)|" + MonthName + @"(?:\s*,?\s+" + Year + ")?|" + Year + ")", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OrdinalWeekPattern();

    private static RuleOutcome ResolveTheYear(Match m, DateOnly? today, TenseDirection direction)
    {
        if (!m.Groups["mod"].Success && !m.Groups["rest"].Success)
        {
            return RuleOutcome.Fail("'the year' may be the calendar year, a fiscal year or a year told in the text");
        }

        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var first = new DateOnly(r.Year, 1, 1);
        var last = new DateOnly(r.Year, 12, 31);
        return m.Groups["rest"].Success ? RuleOutcome.Span(r, last)
            : m.Groups["mod"].Value.ToLowerInvariant() switch
            {
                "earlier" => RuleOutcome.Span(first, r),
                "later" => RuleOutcome.Span(r, last),
                _ => RuleOutcome.Of(PartialDate.OfYear(r.Year)),
            };
    }

    private static RuleOutcome ResolveWeekdayDay(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var wd = WeekdayOf(m)!.Value;
        if (day is < 1 or > 31) return RuleOutcome.Fail($"there is no day {day} in a month");
        var step = direction == TenseDirection.Past ? -1 : 1;
        var month = new DateOnly(r.Year, r.Month, 1);
        // Such a pair recurs every few months; the writer means one within about two months of the reference.
        for (var k = 0; k < 3; k++, month = month.AddMonths(step))
        {
            if (day > DateTime.DaysInMonth(month.Year, month.Month)) continue;
            var d = new DateOnly(month.Year, month.Month, day);
            if (d.DayOfWeek == wd && (step < 0 ? d <= r : d >= r) && Math.Abs(d.DayNumber - r.DayNumber) <= 62) return RuleOutcome.Of(d);
        }

        return RuleOutcome.Fail($"no {wd} the {day}th within two months of the reference date");
    }

    private static RuleOutcome ResolveWeekOf(Match m, DateOnly? today, TenseDirection direction)
    {
        var outcome = ResolveMonthDay(m, today, direction);
        if (outcome.Value is not { } v) return outcome;
        var d = v.FirstDay;
        // "The week of March 6": the week that day begins when it is a Sunday (US calendars), else its Monday-to-Sunday week.
        var start = d.DayOfWeek == DayOfWeek.Sunday ? d : MondayOf(d);
        return RuleOutcome.Span(start, start.AddDays(6));
    }

    private static RuleOutcome ResolveMonthRange(Match m, DateOnly? today, TenseDirection direction)
    {
        var from = MonthOf(m);
        var to = MonthIndex(m.Groups["month2"].Value);
        if (to <= from) return RuleOutcome.Fail($"'{m.Value.Trim()}' runs across a year end; which year each month belongs to is not written");
        DateInterval? InYear(int y) => new DateInterval(new DateOnly(y, from, 1), new DateOnly(y, to, DateTime.DaysInMonth(y, to)));
        if (m.Groups["year"].Success) return RuleOutcome.Span(InYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))!.Value.Start, InYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))!.Value.End);
        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        return Occurrence(InYear, r, direction, "") is { } span ? RuleOutcome.Span(span.Start, span.End) : RuleOutcome.Fail("the months fall outside the supported calendar range");
    }

    private static RuleOutcome ResolveMonthDayRange(Match m, DateOnly? today, TenseDirection direction)
    {
        var start = ResolveMonthDay(m, today, direction);
        if (start.Value is not { } s) return start;
        var month2 = m.Groups["month2"].Success ? MonthIndex(m.Groups["month2"].Value) : s.Month!.Value;
        var day2 = int.Parse(m.Groups["day2"].Value, CultureInfo.InvariantCulture);
        var year2 = month2 < s.Month ? s.Year + 1 : s.Year;
        if (year2 > 9999 || day2 < 1 || day2 > DateTime.DaysInMonth(year2, month2)) return RuleOutcome.Fail($"'{m.Value.Trim()}' does not end on a real day");
        var end = new DateOnly(year2, month2, day2);
        return end > s.FirstDay ? RuleOutcome.Span(s.FirstDay, end) : RuleOutcome.Fail($"'{m.Value.Trim()}' ends before it starts");
    }

    private static RuleOutcome ResolveYearRange(Match m, DateOnly? today, TenseDirection direction)
    {
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var raw = m.Groups["y2"].Value;
        var y2 = int.Parse(raw, CultureInfo.InvariantCulture);
        if (raw.Length == 2)
        {
            // "2023-06" is the ISO month; "2009-10" may be Oct 2009 or the 2009-10 season: the span of both years holds either.
            if (m.Groups["sep"].Value == "-" && y2 is >= 1 and <= 12 && y2 <= year % 100) return RuleOutcome.Of(PartialDate.OfMonth(year, y2));
            y2 += year / 100 * 100;
            if (y2 <= year) y2 += 100;
        }

        return y2 > year && y2 - year <= 100 && y2 <= 9999
            ? RuleOutcome.Span(new DateOnly(year, 1, 1), new DateOnly(y2, 12, 31))
            : RuleOutcome.Fail($"'{m.Value.Trim()}' is not a range of years");
    }

    /// <summary>
    /// "Fiscal 1989" is named for one calendar year but runs over two: US companies and governments name it by the
    /// year it ends in (Feb 1988 - Jan 1989 at the earliest), Japanese and Indian ones by the year it starts in
    /// (to Mar 1990). Without the organisation's calendar the span is all of that, marked approximate.
    /// </summary>
    private static RuleOutcome ResolveFiscalYear(Match m, DateOnly? today, TenseDirection direction)
    {
        if (YearFrom(m, today) is not { } year) return RuleOutcome.Fail(NoReference);
        var last = year;
        if (m.Groups["y2"].Success)
        {
            var raw = m.Groups["y2"].Value;
            last = int.Parse(raw, CultureInfo.InvariantCulture);
            if (raw.Length == 2) last += year / 100 * 100 + (last < year % 100 ? 100 : 0);
            if (last != year + 1) return RuleOutcome.Fail($"'{m.Value.Trim()}' is not a fiscal year");
            return RuleOutcome.Span(new DateOnly(year, 1, 1), new DateOnly(last, 12, 31), approximate: true);
        }

        return year is > 1 and < 9999
            ? RuleOutcome.Span(new DateOnly(year - 1, 2, 1), new DateOnly(year + 1, 3, 31), approximate: true)
            : RuleOutcome.Fail("the date falls outside the supported calendar range (years 1-9999)");
    }

    private static RuleOutcome ResolveDecade(Match m, DateOnly? today, TenseDirection direction)
    {
        int start;
        if (m.Groups["dec"].Success)
        {
            start = int.Parse(m.Groups["dec"].Value, CultureInfo.InvariantCulture) * 10;
        }
        else
        {
            if (today is not { } r) return RuleOutcome.Fail(NoReference);
            var d = (m.Groups["dd"].Value[0] - '0') * 10;
            start = (r.Year / 100 * 100) + d;
            if (start > r.Year) start -= 100;
            if (start + 9 >= r.Year) return RuleOutcome.Fail($"'{m.Value.Trim()}' may be this decade or the one a century earlier");
        }

        return start >= 1 ? RuleOutcome.Span(new DateOnly(start, 1, 1), new DateOnly(start + 9, 12, 31))
            : RuleOutcome.Fail("the date falls outside the supported calendar range (years 1-9999)");
    }

    private static readonly string[] CenturyWords =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first",
    ];

    /// <summary>The n-th century is read as the years (n-1)00 to (n-1)99, as most writers mean it (and TimeML writes it).</summary>
    private static RuleOutcome ResolveCentury(Match m, DateOnly? today, TenseDirection direction)
    {
        int n;
        if (m.Groups["ord"].Success) n = int.Parse(m.Groups["ord"].Value, CultureInfo.InvariantCulture);
        else if (m.Groups["word"].Success) n = Array.IndexOf(CenturyWords, string.Join(' ', m.Groups["word"].Value.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))) + 1;
        else
        {
            if (today is not { } r) return RuleOutcome.Fail(NoReference);
            var pre = Regex.Replace(m.Groups["pre"].Value.ToLowerInvariant(), @"\s+", " ");
            if (pre is "the last" or "the past") return r.Year > 100 ? RuleOutcome.Span(r.AddYears(-100), r) : RuleOutcome.Fail("the date falls outside the supported calendar range (years 1-9999)");
            if (pre == "the previous") return RuleOutcome.Fail($"'{m.Value.Trim()}' is relative to a time told in the text");
            n = (r.Year / 100) + 1 + pre switch { "last" => -1, "next" or "the next" => 1, _ => 0 };
        }

        if (n is < 1 or > 99) return RuleOutcome.Fail($"'{m.Value.Trim()}' is not a century the resolver reads");
        var start = (n - 1) * 100;
        return RuleOutcome.Span(new DateOnly(Math.Max(1, start), 1, 1), new DateOnly(start + 99, 12, 31));
    }

    private static DateInterval QuarterIn(int year, int q) =>
        new(new DateOnly(year, (3 * q) - 2, 1), new DateOnly(year, 3 * q, DateTime.DaysInMonth(year, 3 * q)));

    private static int? YearOrRelative(Match m, DateOnly? today)
    {
        if (m.Groups["yrel"].Success)
        {
            return today is { } r ? r.Year + m.Groups["yrel"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 } : null;
        }

        return YearFrom(m, today);
    }

    private static RuleOutcome ResolveQuarter(Match m, DateOnly? today, TenseDirection direction)
    {
        var q = m.Groups["qn"].Success ? m.Groups["qn"].Value[0] - '0'
            : m.Groups["ord"].Value.ToLowerInvariant() switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
        var wroteYear = m.Groups["year"].Success || m.Groups["yy"].Success || m.Groups["yrel"].Success;
        DateInterval span;
        if (wroteYear)
        {
            if (YearOrRelative(m, today) is not { } y) return RuleOutcome.Fail(NoReference);
            span = QuarterIn(y, q);
        }
        else if (today is not { } r) return RuleOutcome.Fail(NoReference);
        else if (Occurrence(y => QuarterIn(y, q), r, direction, "") is { } found) span = found;
        else return RuleOutcome.Fail("the quarter falls outside the supported calendar range");

        return RuleOutcome.Span(span.Start, span.End);
    }

    private static RuleOutcome ResolveRelativeQuarter(Match m, DateOnly? today, TenseDirection direction)
    {
        var pre = Regex.Replace(m.Groups["pre"].Value.ToLowerInvariant(), @"\s+", " ");
        if (pre is "previous" or "prior" or "same")
        {
            return RuleOutcome.Fail($"'{m.Value.Trim()}' is relative to a quarter named elsewhere in the text");
        }

        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var current = ((r.Month - 1) / 3) + 1;
        var shift = pre switch { "current" or "this" => 0, "next" or "coming" => 1, _ => -1 };   // latest, last, past, recent: the last one completed
        var index = (r.Year * 4) + current - 1 + shift;
        var span = QuarterIn(index / 4, (index % 4) + 1);
        return RuleOutcome.Span(span.Start, span.End);
    }

    private static RuleOutcome ResolveHalf(Match m, DateOnly? today, TenseDirection direction)
    {
        var h = m.Groups["hn"].Success ? m.Groups["hn"].Value[0] - '0'
            : m.Groups["ord"].Value.ToLowerInvariant() is "first" or "1st" ? 1 : 2;
        if (YearOrRelative(m, today) is not { } y) return RuleOutcome.Fail(NoReference);
        return h == 1 ? RuleOutcome.Span(new DateOnly(y, 1, 1), new DateOnly(y, 6, 30)) : RuleOutcome.Span(new DateOnly(y, 7, 1), new DateOnly(y, 12, 31));
    }

    private static RuleOutcome ResolveHoliday(Match m, DateOnly? today, TenseDirection direction)
    {
        var name = m.Groups["h"].Value;
        if (m.Groups["year"].Success)
        {
            var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            return Holidays.In(name, y) is { } d ? RuleOutcome.Of(d) : RuleOutcome.Fail($"'{name}' in {y} is outside the years the resolver computes");
        }

        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var found = Occurrence(y => Holidays.In(name, y) is { } d ? new DateInterval(d, d) : null, r, direction, Pre(m));
        return found is { } f ? RuleOutcome.Of(f.Start) : RuleOutcome.Fail($"'{name}' near {r:yyyy} is outside the years the resolver computes");
    }

    private static RuleOutcome ResolveWeekdayWeek(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var shift = Pre(m) switch { "next" => 7, "last" => -7, _ => 0 };
        return RuleOutcome.Of(MondayOf(r).AddDays(shift + (((int)WeekdayOf(m)!.Value + 6) % 7)));
    }

    private static RuleOutcome ResolveWeekend(Match m, DateOnly? today, TenseDirection direction)
    {
        if (today is not { } r) return RuleOutcome.Fail(NoReference);
        var thisSaturday = MondayOf(r).AddDays(5);   // the weekend that ends the reference's Monday-to-Sunday week
        var weekend = r.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        DateOnly saturday;
        switch (Pre(m))
        {
            case "this":
                saturday = thisSaturday;
                break;
            case "last" or "past" or "this past":
                saturday = thisSaturday.AddDays(-7);
                break;
            case "coming" or "this coming":
                saturday = weekend ? thisSaturday.AddDays(7) : thisSaturday;
                break;
            case "next":
                if (!weekend) return RuleOutcome.Fail("'next weekend' said on a weekday may mean the coming weekend or the one after");
                saturday = thisSaturday.AddDays(7);
                break;
            default:
                // "the weekend": past, the latest that has begun; future, the earliest not yet over.
                saturday = direction == TenseDirection.Past
                    ? (r >= thisSaturday ? thisSaturday : thisSaturday.AddDays(-7))
                    : thisSaturday;
                break;
        }

        return RuleOutcome.Span(saturday, saturday.AddDays(1));
    }

    private static RuleOutcome ResolveOrdinalWeek(Match m, DateOnly? today, TenseDirection direction)
    {
        DateInterval period;
        if (m.Groups["rel"].Success)
        {
            if (today is not { } r) return RuleOutcome.Fail(NoReference);
            var shift = m.Groups["rel"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
            if (m.Groups["unit"].Value.Equals("month", StringComparison.OrdinalIgnoreCase))
            {
                var first = new DateOnly(r.Year, r.Month, 1).AddMonths(shift);
                period = new DateInterval(first, first.AddMonths(1).AddDays(-1));
            }
            else
            {
                period = new DateInterval(new DateOnly(r.Year + shift, 1, 1), new DateOnly(r.Year + shift, 12, 31));
            }
        }
        else if (m.Groups["month"].Success)
        {
            var month = MonthOf(m);
            DateInterval? InYear(int y) => new DateInterval(new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month)));
            if (m.Groups["year"].Success) period = InYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture))!.Value;
            else if (today is not { } r) return RuleOutcome.Fail(NoReference);
            else if (Occurrence(InYear, r, direction, "") is { } found) period = found;
            else return RuleOutcome.Fail("the month falls outside the supported calendar range");
        }
        else
        {
            var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            period = new DateInterval(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }

        // Weeks counted in days from the period's start ("the second week of March" = 8-14 March); the last is its last seven days.
        var ord = m.Groups["ord"].Value.ToLowerInvariant();
        if (ord is "last" or "final") return RuleOutcome.Span(period.End.AddDays(-6), period.End);
        var k = ord switch { "first" => 0, "second" => 1, "third" => 2, _ => 3 };
        return RuleOutcome.Span(period.Start.AddDays(7 * k), period.Start.AddDays((7 * k) + 6));
    }
}
