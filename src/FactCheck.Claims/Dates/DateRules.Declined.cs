using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>
/// Forms recognised in order to decline them with a reason, so that no shorter form inside them ("Friday" in
/// "the previous Friday", "earlier" in "a year earlier") resolves on its own.
/// </summary>
internal static partial class DateRules
{
    private const string AnaphoricUnit = @"(?:day|morning|afternoon|evening|night|week|weekend|month|year|quarter|season|time|date|" + WeekdayWord + ")";

    // "that day", "the next morning", "the previous Friday", "the day before", "two days later", "a year earlier",
    // "later that month", "the year-earlier quarter".
    [GeneratedRegex(@"\b(?:(?:earlier|later|early|late)\s+)?(?:on\s+)?(?:that|the\s+(?:very\s+)?same)\s+" + AnaphoricUnit + @"\b"
        + @"|\b(?:on\s+)?the\s+(?:following|previous|prior|preceding|subsequent)\s+" + AnaphoricUnit + @"\b"
        + @"|\b(?:on\s+)?the\s+next\s+(?:day|morning|afternoon|evening|night|time|" + WeekdayWord + @")\b"
        + @"|\bthe\s+(?:day|night|morning|evening|week|weekend|month|year)\s+(?:before|after|prior)\b"
        + @"|\b(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|just|only)\s+)?(?:" + NumberWords.Pattern + @")\s+(?:day|week|month|year|decade|hour)s?\s+(?:later|earlier|before|after|afterwards?|previously|prior|on(?=\s*[,;.]))\b"
        + @"|\b(?:days|weeks|months|years|decades|hours)\s+(?:later|earlier|before|after|afterwards?|previously|prior)\b"
        + @"|\b(?:the\s+)?(?:year|quarter|month|week)[\s-](?:earlier|ago|before)\s+(?:period|quarter|level|levels|figure|figures|month|year|week|results|time)\b",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex AnaphoraPattern();

    // "each Thursday", "every other week", "on Tuesdays", "Tuesday nights".
    [GeneratedRegex(@"\b(?:each|every)\s+(?:other\s+|single\s+)?(?:" + WeekdayWord + @"|day|week|weekend|month|year|morning|afternoon|evening|night|quarter|spring|summer|autumn|fall|winter"
        + @"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b(?:\s+(?:morning|afternoon|evening|night)s?\b)?"
        + @"|\b(?:on\s+)?" + WeekdayWord + @"s\b(?:\s+(?:morning|afternoon|evening|night)s\b)?"
        + @"|\b" + WeekdayWord + @"\s+(?:mornings|afternoons|evenings|nights)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex RecurringPattern();

    [GeneratedRegex(@"(?-i:\b(?:Ramadan|Eid(?:\s+(?:al|ul|el)-[A-Z][a-z]+)?|Hanukkah|Chanukah|Passover|Yom\s+Kippur|Rosh\s+Hashanah|Diwali|Lunar\s+New\s+Year|Chinese\s+New\s+Year"
        + @"|Purim|Holi|Nowruz|Vesak|Mother(?:'s|s')\s+Day|Father(?:'s|s')\s+Day|Independence\s+Day|Labour\s+Day|National\s+Day|Victory\s+Day|Republic\s+Day|Constitution\s+Day"
        + @"|Unity\s+Day|Orthodox\s+(?:Christmas|Easter)|Thanksgiving\s+in\s+Canada|Canadian\s+Thanksgiving)\b)", Options, MatchTimeoutMilliseconds)]
    private static partial Regex LunarHolidayPattern();

    // "the Fourth of July weekend", "the Christmas holidays": which days such a period covers is not fixed.
    [GeneratedRegex(@"\b(?:the\s+)?(?:" + HolidayNames + @")(?:'s)?\s+(?:weekend|week|holidays?|season|break|period|rush|recess|shopping\s+season)\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex HolidayPeriodPattern();

    // "its fiscal third quarter", "fiscal first-quarter", "the current fiscal year", "fiscal Q2".
    [GeneratedRegex(@"\b(?:(?:the|its|their|his|her|our|this|next|last|current|coming|previous|prior|new|same)\s+)?fiscal[\s-]+(?:(?:year\s+)?(?:[12]\d{3}\s+|'\d{2}\s+))?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:quarter|half)\b"
        + @"|\bfiscal[\s-]+(?:Q[1-4]|H[12])\b|\b(?:the|its|their|this|next|last|current|coming|previous|prior|new|same)\s+fiscal\s+year\b(?!\s*(?:[12]\d{3}|'\d{2}))"
        + @"|\bfiscal\s+year\b(?!\s*(?:[12]\d{3}|'\d{2}))", Options, MatchTimeoutMilliseconds)]
    private static partial Regex FiscalPeriodPattern();
}
