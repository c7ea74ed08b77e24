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

    private const string MonthName2 =
        @"(?<month2>jan(?:uary|\.)?|feb(?:ruary|\.)?|(?-i:Mar(?:ch|\.)?|MAR(?:CH|\.)?)|apr(?:il|\.)?|(?-i:May|MAY)|jun(?:e|\.)?"
        + @"|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)(?![a-z])";

    private const string WeekdayWord = @"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

    private const string Weekday = @"(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b";

    private const string Day = @"(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th)?(?![\d])";

    private const string Year = @"(?<year>[12]\d{3})(?![\d])";

    private const string TensOrTeen =
        @"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
        + @"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

    private const string UnitWord = @"(?:one|two|three|four|five|six|seven|eight|nine)";

    /// <summary>A year in words: "nineteen seventy-two", "nineteen oh five", "two thousand and nine", "twenty twenty".</summary>
    private const string SpelledYear =
        @"(?<sy>(?:seventeen|eighteen|nineteen|twenty)[\s-]+(?:hundred(?:[\s-]+(?:and[\s-]+)?(?:" + TensOrTeen + "|" + UnitWord + @"))?|oh[\s-]+" + UnitWord + "|" + TensOrTeen + @")"
        + @"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:" + TensOrTeen + "|" + UnitWord + @"))?)\b";

    /// <summary>A year in digits, as '87, or in words.</summary>
    private const string AnyYear = @"(?:" + Year + @"|'(?<yy>\d{2})(?![\d'])|" + SpelledYear + ")";

    /// <summary>Words that make the following date a bound ("before June"), or a start ("since June").</summary>
    internal const string Qualifier =
        @"since|before|after|until|till|til|by|through|thru|from|prior\s+to|ahead\s+of|no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than"
        + @"|not\s+earlier\s+than|not\s+before|not\s+until|up\s+to|up\s+until|as\s+late\s+as|as\s+early\s+as|as\s+soon\s+as|in\s+time\s+for|in\s+the\s+run-up\s+to";

    private static readonly string[] MonthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    internal static readonly IReadOnlyList<DateRule> All =
    [
        // Forms recognised only to be declined come first: they win ties with the forms they contain.
        Rule("anaphora", AnaphoraPattern(),
            (m, _, _) => RuleOutcome.Fail($"'{m.Value.Trim()}' is relative to an event told in the text, not to the publication date"), RuleTraits.Declines),
        Rule("recurring", RecurringPattern(),
            (m, _, _) => RuleOutcome.Fail($"'{m.Value.Trim()}' is a recurring set of days (habitual), not one date"), RuleTraits.Declines),
        Rule("lunar-holiday", LunarHolidayPattern(),
            (m, _, _) => RuleOutcome.Fail($"'{m.Value.Trim()}' follows a lunar or national calendar the resolver does not compute"), RuleTraits.Declines),
        Rule("holiday-period", HolidayPeriodPattern(),
            (m, _, _) => RuleOutcome.Fail($"'{m.Value.Trim()}' is a holiday period whose days are not fixed"), RuleTraits.Declines),
        Rule("fiscal-period", FiscalPeriodPattern(),
            (m, _, _) => RuleOutcome.Fail($"'{m.Value.Trim()}' depends on the organisation's fiscal calendar, which the text does not give"), RuleTraits.Declines),
        Rule("the-year", TheYearPattern(),
            ResolveTheYear),

        Rule("iso-date", IsoDatePattern(),
            (m, _, _) => PartialDate.TryParse(m.Groups["iso"].Value, out var d, out var error)
                ? RuleOutcome.Of(d) : RuleOutcome.Fail(error!)),
        Rule("numeric-date", NumericDatePattern(),
            ResolveNumeric),
        Rule("month-day", MonthDayPattern(),
            ResolveMonthDay, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("day-month", DayMonthPattern(),
            ResolveMonthDay, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("month-day-range", MonthDayRangePattern(),
            ResolveMonthDayRange, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear | RuleTraits.Range),
        Rule("weekday-day", WeekdayDayPattern(),
            ResolveWeekdayDay, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("week-of", WeekOfPattern(),
            ResolveWeekOf, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("month-range", MonthRangePattern(),
            ResolveMonthRange, RuleTraits.Range | RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("month-year", MonthYearPattern(),
            (m, r, _) => YearOrRelative(m, r) is { } y ? RuleOutcome.Of(PartialDate.OfMonth(y, MonthOf(m))) : RuleOutcome.Fail(NoReference)),
        Rule("month", MonthPattern(),
            ResolveMonth, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("year-range", YearRangePattern(),
            ResolveYearRange, RuleTraits.Range),
        Rule("fiscal-year", FiscalYearPattern(),
            ResolveFiscalYear),
        Rule("year", YearPattern(),
            (m, r, _) => YearFrom(m, r) is { } y ? RuleOutcome.Of(PartialDate.OfYear(y)) : RuleOutcome.Fail(NoReference)),
        Rule("decade", DecadePattern(),
            ResolveDecade),
        Rule("century", CenturyPattern(),
            ResolveCentury),
        Rule("quarter", QuarterPattern(),
            ResolveQuarter, RuleTraits.NearestWithoutTense),
        Rule("relative-quarter", RelativeQuarterPattern(),
            ResolveRelativeQuarter),
        Rule("half-year", HalfPattern(),
            ResolveHalf, RuleTraits.NearestWithoutTense),
        Rule("holiday", HolidayPattern(),
            ResolveHoliday, RuleTraits.NearestWithoutTense | RuleTraits.GuardsYear),
        Rule("weekday-week", WeekdayWeekPattern(),
            ResolveWeekdayWeek),
        Rule("weekday", WeekdayPattern(),
            ResolveWeekday),
        Rule("weekend", WeekendPattern(),
            ResolveWeekend),
        Rule("relative-day", RelativeDayPattern(),
            ResolveRelativeDay),
        Rule("ordinal-week", OrdinalWeekPattern(),
            ResolveOrdinalWeek, RuleTraits.NearestWithoutTense),
        Rule("relative-period", RelativePeriodPattern(),
            ResolveRelativePeriod),
        Rule("rolling-period", RollingPeriodPattern(),
            ResolveRollingPeriod),
        Rule("ago", AgoPattern(),
            ResolveAgo),
        Rule("season", SeasonPattern(),
            (m, _, _) => RuleOutcome.Fail("seasons are not resolved: their months depend on hemisphere and convention")),
        Rule("earlier", EarlierPattern(),
            (_, r, _) => r is { } today ? RuleOutcome.Span(DateOnly.MinValue, today, approximate: true) : RuleOutcome.Fail(NoReference)),
    ];

    private static DateRule Rule(string name, Regex pattern, Func<Match, DateOnly?, TenseDirection, RuleOutcome> resolve, RuleTraits traits = RuleTraits.None) =>
        new(name, pattern, resolve, traits);

    [GeneratedRegex(@"\b(?:on\s+)?(?<iso>\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:\d{2})?)?)(?![\d-])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?<![\w/])(?:on\s+)?(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})(?![\d/])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex NumericDatePattern();

    // "Dec. 31 , 1994" (tokenised copy puts a space before the comma), "last Oct. 23", "Wednesday, Nov. 8".
    [GeneratedRegex(@"\b(?:on\s+)?(?:(?<pre>last|next|this\s+coming|this\s+past|this|coming|past)\s+)?(?:" + Weekday + @",?\s+)?(?:the\s+)?" + MonthName
        + @"(?:(?<=\.)\s*|\s+)(?:the\s+)?" + Day + @"(?!,\d|\s*(?:-|to|through|and)\s*\d)(?:(?:\s*,\s*|\s+)(?:of\s+)?" + AnyYear + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthDayPattern();

    [GeneratedRegex(@"\b(?:on\s+)?(?:" + Weekday + @",?\s+)?(?:the\s+)?" + Day + @"\s+(?:of\s+)?" + MonthName + @"(?:(?:\s*,\s*|\s+)" + AnyYear + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthPattern();

    // "March 3-5, 2017", "from Nov. 17 to Nov. 26", "between May 2 and May 9" ("Nov 1 and Nov 2" are two dates).
    [GeneratedRegex(@"\b(?:(?<between>between)\s+|from\s+)?" + MonthName + @"(?:(?<=\.)\s*|\s+)" + Day + @"\s*(?:-|to|through|thru|until|(?(between)and|(?!)))\s*(?:" + MonthName2 + @"\s*)?(?<day2>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s*,\s*" + Year + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthDayRangePattern();

    // "Jan-Feb 2017", "from January to March 2017", "between April and June of 2016", "July through September".
    [GeneratedRegex(@"\b(?:(?<between>between)\s+|from\s+|in\s+)?" + MonthName + @"\s*(?:-|/|to|through|thru|until|(?(between)and|(?!)))\s*" + MonthName2 + @"(?:\s*,?\s+(?:of\s+)?" + Year + ")?", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthRangePattern();

    // "April of 87", "May '16", "in March 2014", "June nineteen seventy-two".
    [GeneratedRegex(@"\b(?:in\s+|during\s+)?(?:(?:early|mid|late)[\s-]+)?" + MonthName + @"\s*,?\s+(?:of\s+)?" + AnyYear + @"|\b(?:in\s+|during\s+)?(?:(?:early|mid|late)[\s-]+)?" + MonthName + @"\s+(?:of\s+)?(?<yrel>this|last|next)\s+year\b|\b(?:(?:early|mid|late)[\s-]+)?" + MonthName + @"\s+of\s+(?<yy>\d{2})(?!\d|[.,]\d|\s*%|:)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"(?:\b(?:(?:at\s+)?the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of\s+)|\b(?:(?<prep>in|last|next|this|during|of|for|" + Qualifier + @")[\s-]+)(?:(?:early|mid|late)[\s-]+)?|\b(?:early|mid|late)[\s-]+)" + MonthName + @"(?!\.?\s*(?:\d|the\s+\d))|^\s*" + MonthName + @"\s*$", Options, MatchTimeoutMilliseconds)]
    private static partial Regex MonthPattern();

    // Years after a preposition or a determiner ("a 2010 raid", "the 2010 elections"), never before a unit ("2000 troops").
    // The determiner is checked behind the digits, so that the scan only stops where a year could start.
    [GeneratedRegex(@"(?<pre>\b(?:(?:at\s+)?the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of|in|during|copyright|early|mid|late|the\s+year|of|for|" + Qualifier + @")[\s-]+|(?:©|\(c\))\s*)?"
        + @"(?:" + Year + "|" + SpelledYear + @")(?(pre)|(?<=\b(?:the|a|an|its|his|her|their|our|my|your|this|that|whose|'s)\s+[12]\d{3}))"
        + @"(?!\s*(?:%|percent|per\s+cent|[\d,.]\d|-\s*\d|/\d|" + Units + @"))"
        + @"|^\s*" + Year + @"\s*$", Options, MatchTimeoutMilliseconds)]
    private static partial Regex YearPattern();

    /// <summary>Nouns a number counts: "2000 troops" is a count, not a year.</summary>
    private const string Units =
        @"(?:people|persons|troops|soldiers|members|workers|jobs|employees|staff|residents|cases|deaths|votes|voters|dollars|euros|pounds|yen|yuan|rupees|miles|kilometers|kilometres|km|meters|metres|feet"
        + @"|tons|tonnes|barrels|shares|units|homes|houses|acres|hectares|students|points|copies|cars|vehicles|rockets|missiles|refugees|migrants|prisoners|patients|police|officers"
        + @"|delegates|seats|flights|passengers|hours|minutes|days|years|calories|words|pages|beds|stores|branches|plants|sites|schools|companies|firms|children|women|men)\b";

    [GeneratedRegex(@"\b(?:(?:in|during)\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?<dec>[12]\d{2})0'?s\b|(?:\b(?:in|during)\s+)?(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?'(?<dd>\d)0s\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex DecadePattern();

    [GeneratedRegex(@"\b(?:(?<mod>earlier|later|early|late),?\s+)?(?:(?<pre>on|last|next|this\s+past|this\s+coming|this|coming|past)\s+)?" + Weekday + @"(?:\s+(?:morning|afternoon|evening|night)\b)?(?!'s\s+(?:game|match))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?:(?:earlier|later|early|late)\s+)?(?<word>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday" + @"|(?:the\s+)?day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)(?:\s+(?:morning|afternoon|evening|night))?\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RelativeDayPattern();

    [GeneratedRegex(@"\b(?:(?<mod>earlier|later)\s+)?(?:(?:in|over|during|within)\s+)?(?<the>the\s+)?(?<pre>last|past|this|current|next|coming)\s+(?<unit>week|month|year|decade)\b(?!\s+of\b|'s\s+(?:first|second|third|fourth|last))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RelativePeriodPattern();

    // "the past two weeks", "over the last three years", "in the next 10 days".
    [GeneratedRegex(@"\b(?:(?:in|over|during|within|for)\s+)?(?:the\s+)?(?<pre>past|last|next|coming)\s+(?<n>" + NumberWords.Pattern + @")\s+(?<unit>day|week|month|year|decade)s\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RollingPeriodPattern();

    // "two days ago", "1 month and 21 days ago", "a year and a half ago".
    [GeneratedRegex(@"\b(?:(?<hedge>nearly|almost|about|around|roughly|approximately|some|close\s+to|just\s+under|just\s+over|more\s+than|over" + @"|less\s+than|under|fewer\s+than|at\s+least|not\s+quite|barely|only|just|exactly)\s+)?(?<n>" + NumberWords.Pattern + @")\s+(?<unit>day|week|month|year|decade)s?"
        + @"(?:\s+and\s+(?<half>a\s+half)|,?\s+and\s+(?<n2>" + NumberWords.Pattern + @")\s+(?<unit2>day|week|month)s?)?\s+ago\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b(?:(?:in|during|last|this|next|early|late|mid|since)\s+(?:the\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?" + Year + ")?" + @"|(?<season>spring|summer|autumn|winter)(?:\s+of)?\s+" + Year + @"|fall\s+of\s+" + Year + @")\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex SeasonPattern();

    [GeneratedRegex(@"(?<!\b(?:an|the|a|its|his|her|their|our|your|my|this|that)\s+)\bearlier\b(?!\s+than)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex EarlierPattern();

    internal static int MonthOf(Match m) => MonthIndex(m.Groups["month"].Value);

    private static int MonthIndex(string name) => Array.IndexOf(MonthKeys, name[..3].ToLowerInvariant()) + 1;

    /// <summary>The year a match wrote, in digits, as '87 (the century that puts it nearest the reference, not after it by more than ten years) or in words.</summary>
    internal static int? YearFrom(Match m, DateOnly? reference)
    {
        if (m.Groups["year"].Success)
        {
            return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        if (m.Groups["yy"].Success)
        {
            if (reference is not { } r) return null;
            var yy = int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
            var y = (r.Year / 100 * 100) + yy;
            return y > r.Year + 10 ? y - 100 : y;
        }

        return m.Groups["sy"].Success ? SpelledYearValue(m.Groups["sy"].Value) : null;
    }

    private static int? SpelledYearValue(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '-', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and").ToArray();
        if (words.Length >= 2 && words[0] == "two" && words[1] == "thousand")
        {
            return 2000 + (words.Length > 2 ? NumberWords.Parse(string.Join(' ', words[2..]), out _) ?? 0 : 0);
        }

        if (NumberWords.Parse(words[0], out _) is not { } century)
        {
            return null;
        }

        var rest = words[1..];
        if (rest.Length > 0 && rest[0] == "hundred") return (century * 100) + (rest.Length > 1 ? NumberWords.Parse(string.Join(' ', rest[1..]), out _) ?? 0 : 0);
        if (rest.Length > 0 && rest[0] == "oh") rest = rest[1..];
        return rest.Length > 0 && NumberWords.Parse(string.Join(' ', rest), out _) is { } n ? (century * 100) + n : null;
    }

    private static DayOfWeek? WeekdayOf(Match m) =>
        m.Groups["wd"].Success ? Enum.Parse<DayOfWeek>(m.Groups["wd"].Value, ignoreCase: true) : null;

    internal static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static string Pre(Match m) => Regex.Replace(m.Groups["pre"].Value.ToLowerInvariant(), @"\s+", " ");

    /// <summary>
    /// The occurrence of a yearly period (a day, a month, a quarter, a holiday) that the words and tense point to:
    /// "last" the latest that ended before the reference, "next" the earliest that starts after it, "this" the
    /// one in the reference year; otherwise, past: the latest that started by the reference, future: the earliest
    /// that has not ended.
    /// </summary>
    internal static DateInterval? Occurrence(Func<int, DateInterval?> inYear, DateOnly r, TenseDirection direction, string pre)
    {
        pre = pre switch { "this past" or "past" => "last", "this coming" or "coming" => "next", _ => pre };
        if (pre == "this") return inYear(r.Year);
        var backwards = pre == "last" || (pre != "next" && direction == TenseDirection.Past);
        for (var k = 0; k <= 9; k++)
        {
            var y = backwards ? r.Year + 1 - k : r.Year - 1 + k;
            if (y is < 1 or > 9999 || inYear(y) is not { } span) continue;
            var fits = pre switch
            {
                "last" => span.End < r,
                "next" => span.Start > r,
                _ when backwards => span.Start <= r,
                _ => span.End >= r,
            };
            if (fits) return span;
        }

        return null;
    }

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

        return x.Month is >= 1 and <= 12 && x.Day >= 1 && x.Day <= DateTime.DaysInMonth(y, x.Month) && y >= 1
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
        var wroteYear = m.Groups["year"].Success || m.Groups["yy"].Success || m.Groups["sy"].Success;
        if (wroteYear)
        {
            if (YearFrom(m, today) is not { } year || year is < 1 or > 9999)
            {
                return RuleOutcome.Fail(NoReference);
            }

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
        else if (Occurrence(y => day <= DateTime.DaysInMonth(y, month) ? new DateInterval(new DateOnly(y, month, day), new DateOnly(y, month, day)) : null, r, direction, Pre(m)) is { } found)
        {
            date = found.Start;
        }
        else
        {
            return RuleOutcome.Fail($"no {monthName} {day} near the reference date");
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
        var prep = m.Groups["prep"].Value.ToLowerInvariant();
        var span = Occurrence(y => new DateInterval(new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month))), r, direction,
            prep is "last" or "next" or "this" ? prep : "");
        return span is { } s ? RuleOutcome.Of(PartialDate.OfMonth(s.Start.Year, month)) : RuleOutcome.Fail("the month falls outside the supported calendar range");
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
        var date = Pre(m) switch
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

        DateOnly Back(DateOnly d, int n) => unit switch { "week" => d.AddDays(-7 * n), "month" => d.AddMonths(-n), "decade" => d.AddYears(-10 * n), _ => d.AddYears(-n) };

        if (pre == "past" || (the && pre == "last") || unit == "decade" && pre == "last")
        {
            return RuleOutcome.Span(Back(r, 1), r);   // rolling: "the past week" = the 7 days up to the reference
        }

        if ((the && pre is "next" or "coming") || unit == "decade" && pre is "next" or "coming")
        {
            if (direction == TenseDirection.Past)
            {
                // "The next year, he moved to Paris": a year after an event told in the text.
                return RuleOutcome.Fail($"'{m.Value.Trim()}' in a past-tense clause is relative to an event told in the text");
            }

            return RuleOutcome.Span(r, Back(r, -1));
        }

        if (unit == "decade")
        {
            var start = r.Year / 10 * 10;
            return RuleOutcome.Span(new DateOnly(Math.Max(1, start), 1, 1), new DateOnly(start + 9, 12, 31));
        }

        var shift = pre switch { "last" => -1, "next" or "coming" => 1, _ => 0 };
        var (from, to) = unit switch
        {
            "week" => (MondayOf(r).AddDays(7 * shift), MondayOf(r).AddDays((7 * shift) + 6)),
            "month" => (new DateOnly(r.Year, r.Month, 1).AddMonths(shift), new DateOnly(r.Year, r.Month, 1).AddMonths(shift + 1).AddDays(-1)),
            _ => (new DateOnly(r.Year + shift, 1, 1), new DateOnly(r.Year + shift, 12, 31)),
        };

        if (shift == 0 && mod == "earlier")
        {
            return RuleOutcome.Span(from, r);
        }

        if (shift == 0 && mod == "later")
        {
            return RuleOutcome.Span(r, to);
        }

        return unit switch
        {
            "month" => RuleOutcome.Of(PartialDate.OfMonth(from.Year, from.Month)),
            "year" => RuleOutcome.Of(PartialDate.OfYear(from.Year)),
            _ => RuleOutcome.Span(from, to),
        };
    }

    private static RuleOutcome ResolveRollingPeriod(Match m, DateOnly? today, TenseDirection direction)
    {
        if (NumberWords.Parse(m.Groups["n"].Value, out _) is not { } n)
        {
            return RuleOutcome.Fail($"vague count '{m.Groups["n"].Value}'");
        }

        if (today is not { } r)
        {
            return RuleOutcome.Fail(NoReference);
        }

        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var sign = m.Groups["pre"].Value.ToLowerInvariant() is "next" or "coming" ? 1 : -1;
        var other = unit switch
        {
            "day" => r.AddDays(sign * n),
            "week" => r.AddDays(sign * 7 * n),
            "month" => r.AddMonths(sign * n),
            "year" => r.AddYears(sign * n),
            _ => r.AddYears(sign * 10 * n),
        };
        return sign < 0 ? RuleOutcome.Span(other, r) : RuleOutcome.Span(r, other);
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
        var hedge = Regex.Replace(m.Groups["hedge"].Value.ToLowerInvariant(), @"\s+", " ");
        if (m.Groups["n2"].Success || m.Groups["half"].Success)
        {
            return ResolveCompoundAgo(m, r, n, unit, hedge);
        }

        var inDays = unit is "day" or "week";
        var amount = n * unit switch { "week" => 7, "year" => 12, "decade" => 120, _ => 1 };  // days or months
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

    /// <summary>"1 month and 21 days ago" is that day; "a year and a half ago" is that month. A hedge makes either decline.</summary>
    private static RuleOutcome ResolveCompoundAgo(Match m, DateOnly r, int n, string unit, string hedge)
    {
        if (hedge.Length > 0 && hedge is not ("exactly" or "only" or "just"))
        {
            return RuleOutcome.Fail($"hedged compound span '{m.Value.Trim()}': no documented tolerance");
        }

        if (m.Groups["half"].Success)
        {
            var months = unit switch { "year" => (n * 12) + 6, "month" => n, _ => -1 };
            if (months < 0) return RuleOutcome.Fail($"'{m.Value.Trim()}' is finer than the resolver counts half units");
            if (unit == "month")
            {
                var mid = r.AddMonths(-n).AddDays(-15);
                return RuleOutcome.Span(mid.AddDays(-3), mid.AddDays(3), approximate: true);
            }

            var at = r.AddMonths(-months);
            return RuleOutcome.Of(PartialDate.OfMonth(at.Year, at.Month));
        }

        if (NumberWords.Parse(m.Groups["n2"].Value, out _) is not { } n2)
        {
            return RuleOutcome.Fail($"vague count '{m.Groups["n2"].Value}'");
        }

        var unit2 = m.Groups["unit2"].Value.ToLowerInvariant();
        var first = unit switch { "day" => r.AddDays(-n), "week" => r.AddDays(-7 * n), "month" => r.AddMonths(-n), "year" => r.AddYears(-n), _ => r.AddYears(-10 * n) };
        var day = unit2 switch { "day" => first.AddDays(-n2), "week" => first.AddDays(-7 * n2), _ => first.AddMonths(-n2) };
        return unit2 == "month" ? RuleOutcome.Of(PartialDate.OfMonth(day.Year, day.Month)) : RuleOutcome.Of(day);
    }
}
