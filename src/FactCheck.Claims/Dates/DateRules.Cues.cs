namespace FactCheck.Claims.Dates;

/// <summary>
/// Words without which a rule cannot match: a sentence is scanned only by the rules whose cue it holds (a substring
/// test on the lower-cased sentence is far cheaper than a regex scan, and most sentences hold few date words).
/// </summary>
internal static partial class DateRules
{
    private const string FourDigits = "#4digits";

    private static readonly string[] MonthCues = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] YearCues = [FourDigits, "nineteen", "twenty", "thousand", "eighteen", "seventeen"];

    private static readonly string[] HolidayCues =
    [
        "christmas", "new year", "thanksgiving", "easter", "good friday", "palm sunday", "ash wednesday", "pentecost", "whit ", "july", "halloween",
        "valentine", "labor day", "memorial day", "veterans", "presidents", "king", "mlk", "boxing day", "patrick", "bastille", "election day",
        "black friday", "cyber monday", "may day", "columbus day", "armistice", "remembrance", "guy fawkes", "bonfire", "epiphany",
    ];

    private static readonly Dictionary<string, string[]> Cues = new(StringComparer.Ordinal)
    {
        ["anaphora"] =
        [
            "that", "same", "next", "following", "previous", "prior", "preceding", "subsequent", "before", "after", "later", "earlier",
            "ago", "days on", "hour on", "day on", "weeks on", "week on", "months on", "month on", "years on", "year on", "decades on", "hours on",
        ],
        ["recurring"] = ["each", "every", "days", "nights", "mornings", "afternoons", "evenings"],
        ["lunar-holiday"] =
        [
            "ramadan", "eid", "hanukkah", "chanukah", "passover", "yom kippur", "rosh hashanah", "diwali", "new year", "purim", "holi", "nowruz",
            "vesak", "mother", "father", "independence", "labour", "national day", "victory", "republic", "constitution", "unity", "orthodox", "thanksgiving",
        ],
        ["holiday-period"] = HolidayCues,
        ["holiday"] = HolidayCues,
        ["fiscal-period"] = ["fiscal"],
        ["fiscal-year"] = ["fiscal", "fy"],
        ["the-year"] = ["the year"],
        ["iso-date"] = ["-"],
        ["numeric-date"] = ["/"],
        ["month-day"] = MonthCues,
        ["day-month"] = MonthCues,
        ["month-day-range"] = MonthCues,
        ["weekday-day"] = ["day"],
        ["week-of"] = ["week of"],
        ["month-range"] = MonthCues,
        ["month-year"] = MonthCues,
        ["month"] = MonthCues,
        ["year-range"] = [FourDigits],
        ["year"] = YearCues,
        ["decade"] = ["0s", "0's"],
        ["century"] = ["century"],
        ["quarter"] = ["quarter", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"],
        ["relative-quarter"] = ["quarter"],
        ["half-year"] = ["half", "h1", "h2"],
        ["weekday-week"] = ["week"],
        ["weekday"] = ["day"],
        ["weekend"] = ["weekend"],
        ["relative-day"] = ["today", "tonight", "yesterday", "tomorrow", "this morning", "this afternoon", "this evening", "last night"],
        ["ordinal-week"] = ["week of"],
        ["relative-period"] = ["week", "month", "year", "decade"],
        ["rolling-period"] = ["days", "weeks", "months", "years", "decades"],
        ["ago"] = ["ago"],
        ["season"] = ["spring", "summer", "autumn", "fall", "winter"],
        ["earlier"] = ["earlier"],
    };

    /// <summary>False only when <paramref name="lower"/> (the lower-cased sentence) holds none of the rule's cues.</summary>
    internal static bool MayMatch(DateRule rule, string lower)
    {
        if (!Cues.TryGetValue(rule.Name, out var cues)) return true;
        foreach (var cue in cues)
        {
            if (cue == FourDigits ? HasFourDigits(lower) : lower.Contains(cue, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static bool HasFourDigits(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }

        return false;
    }
}
