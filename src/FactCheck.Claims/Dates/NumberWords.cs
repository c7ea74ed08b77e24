namespace FactCheck.Claims.Dates;

/// <summary>Counts written as words or digits in "N units ago".</summary>
internal static class NumberWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>Words whose count is unknown: the expression must stay unresolved.</summary>
    internal const string VaguePattern = @"a\s+few|few|several|many|some|dozens\s+of|a\s+number\s+of";

    /// <summary>Regex alternation for a count (longest alternatives first).</summary>
    internal const string Pattern =
        @"\d{1,4}|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|" + VaguePattern + "|"
        + @"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
        + @"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        + @"one|two|three|four|five|six|seven|eight|nine|ten|an?";

    /// <summary>Parses a count; null for vague words. <paramref name="approximate"/> is set for "a couple".</summary>
    internal static int? Parse(string text, out bool approximate)
    {
        approximate = false;
        var t = string.Join(' ', text.ToLowerInvariant().Split([' ', '\t', '\n', '\r', '-'], StringSplitOptions.RemoveEmptyEntries));
        if (int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        switch (t)
        {
            case "a" or "an":
                return 1;
            case "a dozen":
                return 12;
            case "a couple" or "a couple of" or "couple of":
                approximate = true;
                return 2;
        }

        var parts = t.Split(' ');
        var tens = Array.IndexOf(Tens, parts[0]);
        if (tens >= 2)
        {
            return (tens * 10) + (parts.Length > 1 ? Array.IndexOf(Units, parts[1]) : 0);
        }

        var unit = Array.IndexOf(Units, t);
        return unit >= 0 ? unit : null;
    }
}
