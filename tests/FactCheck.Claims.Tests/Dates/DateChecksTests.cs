using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

public sealed class DateChecksTests
{
    private static readonly PartialDate Pub = PartialDate.Parse("2023-11-08");

    [Theory]
    [InlineData("on Wednesday", "2023-11-08", DateFit.Fits)]
    [InlineData("on Wednesday", "2023-11-09", DateFit.DoesNotFit)]
    [InlineData("on Wednesday", "2023-11", DateFit.Unknown)]
    [InlineData("nearly two years ago", "2022-02-24", DateFit.Fits)]
    [InlineData("nearly two years ago", "2022-02", DateFit.Fits)]
    [InlineData("nearly two years ago", "2023-02-24", DateFit.DoesNotFit)]
    [InlineData("nearly two years ago", "2022", DateFit.Unknown)]
    [InlineData("in June", "2023-06-15", DateFit.Fits)]
    [InlineData("in June", "2023-07-01", DateFit.DoesNotFit)]
    [InlineData("in February 2022", "2022-02-24", DateFit.Fits)]
    [InlineData("earlier", "2023-11-08T09:00+03:00", DateFit.Fits)]
    [InlineData("earlier", "2023-11-09", DateFit.DoesNotFit)]
    [InlineData("in the spring", "2023-04", DateFit.Unknown)]
    [InlineData("last week", "2023-11-03", DateFit.Fits)]
    [InlineData("last week", "2023-11-06", DateFit.DoesNotFit)]
    public void Fits_is_granularity_aware(string expression, string claimed, DateFit expected)
    {
        var result = DateChecks.Fits(expression, PartialDate.Parse(claimed), Pub);
        Assert.Equal(expected, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Fits_without_a_reference_is_unknown_with_the_resolver_reason()
    {
        var result = DateChecks.Fits("on Wednesday", Pub, null);
        Assert.Equal(DateFit.Unknown, result.Outcome);
        Assert.Contains("no reference date", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-11-09", "2023-11-08", true)]
    [InlineData("2023-11-08", "2023-11-08", false)]
    [InlineData("2023-11-07", "2023-11-08", false)]
    [InlineData("2023-12", "2023-11-08", true)]
    [InlineData("2023-11", "2023-11-08", null)]
    [InlineData("2023-10", "2023-10-31", false)]
    [InlineData("2024", "2023-11-08", true)]
    [InlineData("2023", "2023-06", null)]
    [InlineData("2023-11-08T14:10+05:00", "2023-11-08T09:00Z", true)]
    [InlineData("2023-11-08T14:10+05:00", "2023-11-08T09:10Z", false)]
    [InlineData("2023-11-08T14:10+05:00", "2023-11-08", null)]
    [InlineData("2023-11-08T14:10+05:00", "2023-11-07", true)]
    public void IsAfter_is_tri_state(string a, string b, bool? expected)
    {
        Assert.Equal(expected, DateChecks.IsAfter(PartialDate.Parse(a), PartialDate.Parse(b)));
    }
}
