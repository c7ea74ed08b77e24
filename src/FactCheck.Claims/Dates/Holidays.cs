namespace FactCheck.Claims.Dates;

/// <summary>
/// Holidays with a fixed or computable Gregorian date. US federal holidays are read in their US sense
/// (the wire copy that names "Thanksgiving" or "Labor Day" is American); holidays whose date depends on the
/// country are not here and decline.
/// </summary>
internal static class Holidays
{
    /// <summary>The holiday's date in <paramref name="year"/>, or null for a name that is not known.</summary>
    internal static DateOnly? In(string name, int year)
    {
        if (year is < 1583 or > 9999)
        {
            return null;   // the Gregorian rules (and Easter's computus) apply from 1583
        }

        return Key(name) switch
        {
            "christmas eve" => new DateOnly(year, 12, 24),
            "christmas" or "christmas day" => new DateOnly(year, 12, 25),
            "boxing day" => new DateOnly(year, 12, 26),
            "new year's eve" => new DateOnly(year, 12, 31),
            "new year's" or "new year's day" => new DateOnly(year, 1, 1),
            "epiphany" => new DateOnly(year, 1, 6),
            "valentine's day" => new DateOnly(year, 2, 14),
            "st patrick's day" or "saint patrick's day" => new DateOnly(year, 3, 17),
            "may day" => new DateOnly(year, 5, 1),
            "independence day" or "fourth of july" or "july fourth" => new DateOnly(year, 7, 4),
            "bastille day" => new DateOnly(year, 7, 14),
            "halloween" => new DateOnly(year, 10, 31),
            "veterans day" or "armistice day" or "remembrance day" => new DateOnly(year, 11, 11),
            "guy fawkes night" or "bonfire night" => new DateOnly(year, 11, 5),
            "martin luther king day" or "martin luther king jr day" or "mlk day" => NthWeekday(year, 1, DayOfWeek.Monday, 3),
            "presidents day" or "presidents' day" => NthWeekday(year, 2, DayOfWeek.Monday, 3),
            "memorial day" => LastWeekday(year, 5, DayOfWeek.Monday),
            "labor day" => NthWeekday(year, 9, DayOfWeek.Monday, 1),
            "columbus day" => NthWeekday(year, 10, DayOfWeek.Monday, 2),
            "election day" => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
            "thanksgiving" or "thanksgiving day" => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            "black friday" => NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(1),
            "cyber monday" => NthWeekday(year, 11, DayOfWeek.Thursday, 4).AddDays(4),
            "easter" or "easter sunday" => Easter(year),
            "easter monday" => Easter(year).AddDays(1),
            "good friday" => Easter(year).AddDays(-2),
            "palm sunday" => Easter(year).AddDays(-7),
            "ash wednesday" => Easter(year).AddDays(-46),
            "pentecost" or "whit sunday" => Easter(year).AddDays(49),
            "whit monday" => Easter(year).AddDays(50),
            _ => null,
        };
    }

    /// <summary>Lower case, single spaces, straight apostrophes, no full stops ("St. Patrick's" = "st patrick's").</summary>
    internal static string Key(string name)
    {
        var parts = name.ToLowerInvariant().Replace('.', ' ').Replace('\u2019', '\'').Split([' ', '\t', '\n', '\r', '-'], StringSplitOptions.RemoveEmptyEntries);
        var key = string.Join(' ', parts);
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    internal static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
