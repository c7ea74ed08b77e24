using System.Text;
using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>Seeded random inputs: the resolver, checks and parser never throw and always return a coherent result.</summary>
public sealed class DateResolverPropertyTests
{
    private static readonly string[] Words =
    [
        "on", "in", "last", "next", "this", "earlier", "later", "since", "before", "nearly", "about", "more", "than", "over",
        "ago", "days", "weeks", "months", "years", "two", "a", "few", "twenty-five", "Wednesday", "Monday", "June", "Oct.",
        "May", "March", "February", "30", "25,", "2016", "2022", "0", "99", "9999", "1000", "today", "yesterday", "will",
        "said", "the", "of", "week", "month", "year", "spring", "1990s", "2023-11-08", "2023-02-30", "11/08/2023", "©",
        "Copyright", "\u201c", "\u2019s", "\u00a0", "-", ",", ".", "\n", "\t",
    ];

    private static readonly string[] Oddities =
    [
        "\u0301", "\u200F", "\u202E", "\uD83D\uDE00", "\uD800", "\uDFFF", "\u0000", "\uFFFF", "\u0130", "\u017F", "ß", "Ω",
        "\u0663\u0660\u0662\u0663", "\uFF12\uFF10\uFF12\uFF13", "\u2028",
    ];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Never_throws_and_results_are_coherent_on_random_text(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var text = RandomText(random);
            var reference = RandomReference(random);
            var single = DateResolver.Resolve(text, reference);
            AssertCoherent(text, single);
            foreach (var r in DateResolver.ResolveAll(text, reference))
            {
                AssertCoherent(text, r);
            }

            var claimed = RandomReference(random) ?? PartialDate.OfYear(2023);
            var fit = DateChecks.Fits(text, claimed, reference);
            Assert.False(string.IsNullOrWhiteSpace(fit.Reason));
            if (reference is { } r2)
            {
                _ = DateChecks.IsAfter(claimed, r2);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parser_never_throws_and_round_trips(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 500; i++)
        {
            var junk = RandomText(random);
            if (PartialDate.TryParse(junk, out var parsed, out var error))
            {
                Assert.Equal(parsed, PartialDate.Parse(parsed.ToString()));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }

            if (RandomReference(random) is { } valid)
            {
                Assert.True(PartialDate.TryParse(valid.ToString(), out var again, out var e2), e2);
                Assert.Equal(valid, again);
            }
        }
    }

    [Fact]
    public void Long_and_pathological_input_is_refused_or_handled()
    {
        var pub = PartialDate.Parse("2023-11-08");
        var huge = DateResolver.Resolve(new string('9', 1_000_000), pub);
        Assert.False(huge.IsResolved);
        Assert.Contains("longer than", huge.Reason, StringComparison.Ordinal);

        string[] repeated =
        [
            Repeat("nearly ", 500), Repeat("on ", 500), Repeat("1/", 500), Repeat("June ", 500), Repeat("2022-", 500),
            Repeat("a couple of ", 500), Repeat("earlier on Wednesday ", 500), Repeat("the ", 500), Repeat("\uD83D\uDE00", 500),
        ];
        foreach (var text in repeated)
        {
            AssertCoherent(text, DateResolver.Resolve(text, pub));
        }
    }

    private static string Repeat(string s, int maxLength)
    {
        var sb = new StringBuilder();
        while (sb.Length + s.Length <= maxLength)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }

    private static void AssertCoherent(string text, DateResolution r)
    {
        if (r.IsResolved)
        {
            Assert.True(r.Value is null != r.Interval is null, $"exactly one of value/interval: {r}");
            Assert.NotNull(r.RuleName);
            Assert.NotNull(r.MatchedText);
            Assert.Equal(r.MatchedText, text.Substring(r.MatchIndex, r.MatchedText!.Length));
            Assert.NotNull(r.Span);
        }
        else
        {
            Assert.Null(r.Value);
            Assert.Null(r.Interval);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
        }
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var mode = random.Next(4);
        var target = random.Next(0, mode == 3 ? 700 : 80);
        while (sb.Length < target)
        {
            switch (mode == 0 ? random.Next(3) : random.Next(10))
            {
                case 0:
                    sb.Append((char)random.Next(0, 0x10000));
                    break;
                case 1:
                    sb.Append(Oddities[random.Next(Oddities.Length)]);
                    break;
                default:
                    sb.Append(Words[random.Next(Words.Length)]).Append(random.Next(4) == 0 ? "" : " ");
                    break;
            }
        }

        return sb.ToString();
    }

    private static PartialDate? RandomReference(Random random)
    {
        var year = random.Next(4) == 0 ? random.Next(1, 10000) : random.Next(1990, 2030);
        var day = new DateOnly(year, random.Next(1, 13), 1).AddDays(random.Next(0, 28));
        return random.Next(6) switch
        {
            0 => null,
            1 => PartialDate.OfYear(year),
            2 => PartialDate.OfMonth(year, day.Month),
            3 => PartialDate.OfInstant(new DateTimeOffset(day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60))), TimeSpan.FromMinutes(15 * random.Next(-48, 57)))),
            _ => PartialDate.OfDay(day),
        };
    }
}
