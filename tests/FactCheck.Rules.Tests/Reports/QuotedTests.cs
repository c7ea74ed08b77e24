using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Rules.Tests.Reports;

/// <summary>A quote shown in a finding is put in marks it does not hold itself, so a reader sees where it begins and ends.</summary>
public sealed class QuotedTests
{
    [Theory]
    [InlineData("we react calmly", "\"we react calmly\"")]
    [InlineData("not creating a \"military bloc\"", "“not creating a \"military bloc\"”")]
    [InlineData("not creating a “military bloc”", "\"not creating a “military bloc”\"")]
    [InlineData("a \"bloc\" and a “bloc”", "«a \"bloc\" and a “bloc”»")]
    [InlineData("a \"bloc\", a “bloc” and a «bloc»", "\"a \"bloc\", a “bloc” and a «bloc»\"")]
    public void A_quote_gets_marks_it_does_not_hold(string text, string shown)
    {
        Assert.Equal(shown, Quoted.Text(text));
    }
}
