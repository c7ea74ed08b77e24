using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>A date copied from an article into a <c>date:</c> field gets the ISO date it means, or both when the order of day and month is unclear.</summary>
public sealed class IsoDateHintTests
{
    [Theory]
    [InlineData("8 November 2023", "; did you mean 2023-11-08?")]
    [InlineData("November 8, 2023", "; did you mean 2023-11-08?")]
    [InlineData("Nov 8 2023", "; did you mean 2023-11-08?")]
    [InlineData("November 2023", "; did you mean 2023-11?")]
    [InlineData("25/12/2023", "; did you mean 2023-12-25?")]
    [InlineData("12/25/2023", "; did you mean 2023-12-25?")]
    [InlineData("08/11/2023", "; did you mean 2023-11-08 (day first) or 2023-08-11 (month first)?")]
    [InlineData("8.11.2023", "; did you mean 2023-11-08 (day first) or 2023-08-11 (month first)?")]
    [InlineData("05/05/2023", "; did you mean 2023-05-05?")]
    [InlineData("31/02/2023", "")]
    [InlineData("yesterday", "")]
    [InlineData("in 2023 or so", "")]
    [InlineData("", "")]
    public void A_date_as_printed_gets_the_iso_date_it_means(string text, string expected)
    {
        Assert.Equal(expected, IsoDateHint.For(text));
    }

    [Fact]
    public void The_loader_says_it_at_the_date()
    {
        const string yaml = "sources:\n  - id: s\n    kind: article\n    outlet: Daily\n    published: 8 November 2023\n";

        var result = ClaimsLoader.LoadText(yaml, "x.yaml", Path.GetTempPath());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("x.yaml:5:16: error: invalid date for 'published': '8 November 2023' is not written year-month-day; did you mean 2023-11-08? (write 2023, 2023-06, 2023-11-08 or 2023-11-08T14:10+05:00)", error.ToString());
    }
}
