namespace FactCheck.Rules.Tests.Expressions;

public sealed class DateTests : ExpressionTestBase
{
    [Theory]
    [InlineData("c.Published == @2023-11-08", true)]
    [InlineData("c.Published != @2023-11-08", false)]
    [InlineData("c.Published >= @2023-11-08 && c.Published < @2023-11-09", true)]
    [InlineData("c.Published in [@2023-11-07, @2023-11-08]", true)]
    [InlineData("c.EventDate < @2030-01-01", false)] // null date: ordering is false
    public void DateOnly_properties(string text, bool expected) => Assert.Equal(expected, Check(text));

    [Theory]
    [InlineData("2023-11-08", "a.Published == @2023-11-08", true)]
    [InlineData("2023-11-08", "a.Published < @2023-12-01", true)]
    [InlineData("2023-11-08", "@2023-12-01 > a.Published", true)]
    [InlineData("2023-11-08", "a.Published > @2023-12-01", false)]
    [InlineData("2023-11", "a.Published < @2023-11-01", true)] // partial ISO dates sort before their first day
    [InlineData(null, "a.Published < @2023-12-01", false)]
    [InlineData(null, "a.Published == null", true)]
    public void Iso_text_dates_compare_with_date_literals(string? published, string text, bool expected)
    {
        var article = Article() with { Published = published };
        Assert.Equal(expected, Check(text, a: article));
    }

    [Fact]
    public void Dates_print_as_iso_in_values_and_messages()
    {
        Assert.Equal("on 2023-11-08", Calc("'on ' + c.Published"));
        Assert.Equal(new DateOnly(2023, 11, 8), Calc("@2023-11-08"));
    }

    [Fact]
    public void Dates_do_not_compare_with_numbers()
    {
        var d = SingleError("c.Published > 2023");
        Assert.Equal("'Published' is a date, cannot compare with number 2023", d.Message);
    }
}
