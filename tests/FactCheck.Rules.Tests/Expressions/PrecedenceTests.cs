namespace FactCheck.Rules.Tests.Expressions;

public sealed class PrecedenceTests : ExpressionTestBase
{
    [Theory]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("10 - 4 - 3", 3L)]
    [InlineData("20 / 2 / 5", 2L)]
    [InlineData("7 % 4 * 2", 6L)]
    [InlineData("-2 * 3", -6L)]
    [InlineData("- c.Count + 1", -2L)]
    [InlineData("7 / 2", 3L)]
    [InlineData("7.0 / 2", 3.5)]
    [InlineData("1 + 0.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    public void Arithmetic(string text, object expected) => Assert.Equal(expected, Calc(text));

    [Theory]
    [InlineData("true || false && false", true)] // && binds tighter than ||
    [InlineData("(true || false) && false", false)]
    [InlineData("1 + 1 == 2 && 3 > 2", true)]
    [InlineData("!false == true", true)] // ! binds tightest: (!false) == true
    [InlineData("not 1 == 2", true)] // not binds looser than comparisons: not (1 == 2)
    [InlineData("not c.Count == 3 or c.Verified", true)]
    [InlineData("not c.Count == 3 and c.Verified", false)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("c.Count in [1, 2, 3] && 'uk' in c.Tags", true)]
    [InlineData("c.Count not in [1, 2] and not c.Disputed", true)]
    [InlineData("'a' + 'b' == 'ab'", true)]
    public void Boolean_and_comparison(string text, bool expected) => Assert.Equal(expected, Check(text));

    [Fact]
    public void Whitespace_and_newlines_are_ignored()
    {
        Assert.True(Check("c.Count\n  == 3\n  && c.Verified"));
    }
}
