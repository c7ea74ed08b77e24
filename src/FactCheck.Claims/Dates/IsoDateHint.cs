using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>
/// The ISO date an editor meant by a date copied from an article ("8 November 2023", "Nov 8, 2023", "25/12/2023"),
/// read by <see cref="DateResolver"/>'s own rules; a numeric date whose day and month could be either way round
/// ("08/11/2023") gets both readings.
/// </summary>
internal static partial class IsoDateHint
{
    /// <summary><c>; did you mean 2023-11-08?</c>, or an empty string when the text reads as no one date.</summary>
    public static string For(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 40) return string.Empty;

        if (NumericDate().Match(trimmed) is { Success: true } numeric)
        {
            var (first, second, year) = (int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture));
            var dayFirst = Iso(year, second, first);
            var monthFirst = Iso(year, first, second);
            if (dayFirst is not null && monthFirst is not null && dayFirst != monthFirst)
            {
                return $"; did you mean {dayFirst} (day first) or {monthFirst} (month first)?";
            }

            return (dayFirst ?? monthFirst) is { } only ? $"; did you mean {only}?" : string.Empty;
        }

        var resolved = DateResolver.Resolve(trimmed, reference: null);
        return resolved is { IsResolved: true, Approximate: false, Value: { } value } && resolved.MatchedText == trimmed
            ? $"; did you mean {value}?"
            : string.Empty;
    }

    private static string? Iso(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? $"{year:D4}-{month:D2}-{day:D2}"
            : null;

    [GeneratedRegex(@"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();
}
