using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2023", "2023", DateGranularity.Year)]
    [InlineData("2023-06", "2023-06", DateGranularity.Month)]
    [InlineData("2023-11-08", "2023-11-08", DateGranularity.Day)]
    [InlineData("2024-02-29", "2024-02-29", DateGranularity.Day)]
    [InlineData("2023-11-08T14:10+05:00", "2023-11-08T14:10+05:00", DateGranularity.DateTime)]
    [InlineData("2023-11-08T14:10:30-03:30", "2023-11-08T14:10:30-03:30", DateGranularity.DateTime)]
    [InlineData("2023-11-08T14:10:30.25Z", "2023-11-08T14:10:30.25Z", DateGranularity.DateTime)]
    [InlineData("2023-11-08T14:10:00+00:00", "2023-11-08T14:10Z", DateGranularity.DateTime)]
    [InlineData(" 2023-06 ", "2023-06", DateGranularity.Month)]
    public void Parses_and_prints_iso_forms(string text, string printed, DateGranularity granularity)
    {
        Assert.True(PartialDate.TryParse(text, out var d, out var error), error);
        Assert.Null(error);
        Assert.Equal(printed, d.ToString());
        Assert.Equal(granularity, d.Granularity);
        Assert.True(PartialDate.TryParse(d.ToString(), out var again, out _));
        Assert.Equal(d, again);
    }

    [Theory]
    [InlineData("2023-13", "month 13")]
    [InlineData("2023-02-30", "day 30 does not exist in 2023-02")]
    [InlineData("2023-02-29", "day 29 does not exist")]
    [InlineData("garbage", "four digits")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    [InlineData("0000", "year 0000")]
    [InlineData("23-06", "four digits")]
    [InlineData("2023-6", "expected an ISO date")]
    [InlineData("2023-11-08T14:10", "needs a UTC offset")]
    [InlineData("2023-11-08T25:10Z", "out of range")]
    [InlineData("2023-11-08T14:10+15:00", "out of range ±14:00")]
    [InlineData("2023-11-08T14:10Zjunk", "unexpected text")]
    [InlineData("2023-11-08 extra", "unexpected")]
    public void Rejects_bad_values_with_a_reason(string? text, string reasonPart)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.NotNull(error);
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text!));
    }

    [Fact]
    public void Comparison_respects_granularity()
    {
        var june = PartialDate.Parse("2023-06");
        Assert.True(june.Contains(PartialDate.Parse("2023-06-15")));
        Assert.False(PartialDate.Parse("2023-06-15").Contains(june));
        Assert.False(june.IsCompatibleWith(PartialDate.Parse("2023-07")));
        Assert.NotEqual(PartialDate.Parse("2023"), june);
        Assert.True(PartialDate.Parse("2023").IsCompatibleWith(june));
        Assert.True(june.IsCompatibleWith(PartialDate.Parse("2023")));
        Assert.True(PartialDate.Parse("2023-11-08").Contains(PartialDate.Parse("2023-11-08T23:30-05:00")));
        Assert.Equal(new DateOnly(2024, 2, 29), PartialDate.Parse("2024-02").LastDay);
        Assert.Equal(new DateOnly(2023, 12, 31), PartialDate.Parse("2023").LastDay);
    }

    [Fact]
    public void Date_times_compare_as_instants()
    {
        var a = PartialDate.Parse("2023-11-08T14:10+05:00");
        var b = PartialDate.Parse("2023-11-08T09:10Z");
        Assert.True(a.Contains(b));
        Assert.NotEqual(a, b);
        Assert.Equal(a.Instant, b.Instant);
    }
}
