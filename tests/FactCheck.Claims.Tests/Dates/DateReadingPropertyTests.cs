using CsCheck;
using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>
/// Whatever the sentence around it, a resolved expression lies inside one of the readings it could have: the past
/// and the future occurrence of a year-less date, the one day of an absolute one. The readings are computed here,
/// independently of the resolver; frames mix tenses across clauses, modals and schedule words.
/// </summary>
public sealed class DateReadingPropertyTests
{
    internal sealed record Case(DateOnly Reference, string Sentence, string Expression, IReadOnlyList<DateInterval> Readings)
    {
        public override string ToString() =>
            $"[{Reference:yyyy-MM-dd}] \"{Sentence}\" '{Expression}' readings {string.Join(" | ", Readings)}";
    }

    private static readonly string[] Frames =
    [
        "{0}",
        "Officials said {0} that the talks would resume.",
        "The minister will travel to Paris {0}.",
        "The company, which reported a loss {0}, will pay a dividend next year.",
        "Police said the suspect will appear in court {0}.",
        "{0}, the central bank raised rates and said it will act again.",
        "The vote is scheduled {0}, and the result was announced later.",
        "He said he would decide {0}.",
        "Talks begin {0} in Geneva.",
        "The dividend is payable {0} to shareholders of record.",
        "The agreement, signed {0}, expires next year.",
        "Shares fell 3 percent {0} after the company cut its forecast.",
        "Voters will go to the polls {0}, officials said on Monday.",
        "The storm that hit the coast {0} will linger.",
        "The report, due {0}, was delayed twice.",
    ];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] ShortMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[0, 20_000], Gen.Int[0, 13], Gen.Int[0, Frames.Length - 1], Gen.Int[0, 1_000_000], (offset, kind, frame, p) =>
        {
            var r = new DateOnly(1990, 1, 1).AddDays(offset);
            var (expression, readings) = Expression(r, kind, p);
            return new Case(r, string.Format(System.Globalization.CultureInfo.InvariantCulture, Frames[frame], expression), expression, readings);
        });

    [Fact]
    public void A_resolved_expression_lies_within_one_of_its_readings()
    {
        Cases.Sample(c =>
        {
            var at = c.Sentence.IndexOf(c.Expression, StringComparison.Ordinal);
            var end = at + c.Expression.Length;
            foreach (var r in DateResolver.ResolveAll(c.Sentence, PartialDate.OfDay(c.Reference)))
            {
                if (!r.IsResolved || r.MatchIndex >= end || r.MatchIndex + r.MatchedText!.Length <= at) continue;
                Assert.True(r.MatchIndex <= at && r.MatchIndex + r.MatchedText.Length >= end, $"{c}: resolved only part of the expression: {r}");
                var span = r.Span!.Value;
                Assert.True(c.Readings.Any(reading => reading.Contains(span)), $"{c}: got {r}");
            }
        }, iter: 3000);
    }

    private static DateInterval Day(DateOnly d) => new(d, d);

    private static (string Text, IReadOnlyList<DateInterval> Readings) Expression(DateOnly r, int kind, int p)
    {
        switch (kind)
        {
            case 0:
            {
                var wd = (DayOfWeek)((p % 7 + 1) % 7);
                var back = ((int)r.DayOfWeek - (int)wd + 7) % 7;
                var ahead = ((int)wd - (int)r.DayOfWeek + 7) % 7;
                return ((p / 7 % 2 == 0 ? "on " : "") + wd, [Day(r.AddDays(-back)), Day(r.AddDays(ahead))]);
            }

            case 1:
            {
                var wd = (DayOfWeek)((p % 7 + 1) % 7);
                var back = ((int)r.DayOfWeek - (int)wd + 7) % 7;
                var ahead = ((int)wd - (int)r.DayOfWeek + 7) % 7;
                var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
                return (p / 7 % 3) switch
                {
                    0 => ("last " + wd, [Day(r.AddDays(back == 0 ? -7 : -back))]),
                    1 => ("next " + wd, [Day(r.AddDays(ahead == 0 ? 7 : ahead))]),
                    _ => (wd + " next week", [Day(monday.AddDays(7 + (((int)wd + 6) % 7)))]),
                };
            }

            case 2:
            {
                var month = (p % 12) + 1;
                var day = (p / 12 % 28) + 1;
                var text = (p / 336 % 3) switch
                {
                    0 => $"on {ShortMonths[month - 1]} {day}",
                    1 => $"{Months[month - 1]} {day}",
                    _ => $"on {day} {Months[month - 1]}",
                };
                return (text, YearlyReadings(r, y => Day(new DateOnly(y, month, day))));
            }

            case 3:
            {
                var year = r.Year - 3 + (p % 7);
                var date = new DateOnly(year, (p / 7 % 12) + 1, (p / 84 % 28) + 1);
                return ($"on {Months[date.Month - 1]} {date.Day}, {date.Year}", [Day(date)]);
            }

            case 4:
            {
                var month = (p % 12) + 1;
                return ("in " + Months[month - 1], YearlyReadings(r, y => new DateInterval(new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month)))));
            }

            case 5:
            {
                var q = (p % 4) + 1;
                return ($"in the {Ordinals[q - 1]} quarter", YearlyReadings(r, y => new DateInterval(new DateOnly(y, (3 * q) - 2, 1), new DateOnly(y, 3 * q, 1).AddMonths(1).AddDays(-1))));
            }

            case 6:
            {
                var n = (p % 30) + 1;
                return ($"{n} days ago", [Day(r.AddDays(-n))]);
            }

            case 7:
            {
                var year = 1950 + (p % 90);
                return ($"in {year}", [new DateInterval(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))]);
            }

            case 8:
            {
                var (name, date) = (p % 4) switch
                {
                    0 => ("Christmas Eve", (Func<int, DateOnly>)(y => new DateOnly(y, 12, 24))),
                    1 => ("New Year's Day", y => new DateOnly(y, 1, 1)),
                    2 => ("Halloween", y => new DateOnly(y, 10, 31)),
                    _ => ("Thanksgiving", FourthThursdayOfNovember),
                };
                return ("on " + name, YearlyReadings(r, y => Day(date(y))));
            }

            case 9:
            {
                // The weekend that has begun by the reference, or the next one not yet over.
                var saturday = r.AddDays(-(((int)r.DayOfWeek + 1) % 7));
                var next = r.DayOfWeek == DayOfWeek.Sunday ? saturday : saturday.AddDays(7);
                return ("over the weekend", [new DateInterval(saturday, saturday.AddDays(1)), new DateInterval(next, next.AddDays(1))]);
            }

            case 10:
                return ((p % 3) switch { 0 => "yesterday", 1 => "today", _ => "tomorrow" }, [Day(r.AddDays((p % 3) - 1))]);

            case 11:
            {
                var month = (p % 11) + 1;
                var year = 1990 + (p / 11 % 40);
                return ($"in {Months[month - 1]} {year}", [new DateInterval(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)))]);
            }

            case 12:
            {
                var wd = (DayOfWeek)((p % 7 + 1) % 7);
                var day = (p / 7 % 28) + 1;
                // "Friday the 13th": any such day within two months either side.
                var readings = new List<DateInterval>();
                for (var d = r.AddDays(-62); d <= r.AddDays(62); d = d.AddDays(1))
                {
                    if (d.Day == day && d.DayOfWeek == wd) readings.Add(Day(d));
                }

                return ($"on {wd} the {day}{(day is 1 or 21 ? "st" : day is 2 or 22 ? "nd" : day is 3 or 23 ? "rd" : "th")}", readings);
            }

            default:
            {
                var n = (p % 5) + 2;
                return ($"{n} weeks ago", [new DateInterval(r.AddDays((-7 * n) - 3), r.AddDays((-7 * n) + 3))]);
            }
        }
    }

    /// <summary>The latest occurrence that has begun by the reference and the earliest that has not ended.</summary>
    private static IReadOnlyList<DateInterval> YearlyReadings(DateOnly r, Func<int, DateInterval> inYear)
    {
        var past = Enumerable.Range(0, 3).Select(k => inYear(r.Year + 1 - k)).First(s => s.Start <= r);
        var future = Enumerable.Range(0, 3).Select(k => inYear(r.Year - 1 + k)).First(s => s.End >= r);
        return [past, future];
    }

    private static DateOnly FourthThursdayOfNovember(int year)
    {
        var first = new DateOnly(year, 11, 1);
        return first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7 + 21);
    }
}
