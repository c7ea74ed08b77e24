namespace FactCheck.Rules.Tests.Expressions;

/// <summary>The null table: missing values never throw, compare false, and only == / != null detect them.</summary>
public sealed class NullSafetyTests : ExpressionTestBase
{
    private static readonly TestClaim Missing = TestClaim.Sample() with { Speaker = null, Source = null, Rank = null, Disputed = null, EventDate = null };
    private static readonly TestClaim Present = TestClaim.Sample() with { Rank = 2, Disputed = true, EventDate = new DateOnly(2023, 6, 1) };

    [Theory]
    [InlineData("c.Speaker == null", true, false)]
    [InlineData("c.Speaker != null", false, true)]
    [InlineData("c.Speaker == 'Jane Doe'", false, true)]
    [InlineData("c.Speaker != 'Jane Doe'", true, false)]
    [InlineData("c.Speaker < 'Z'", false, true)]
    [InlineData("c.Speaker >= 'A'", false, true)]
    [InlineData("c.Source == null", true, false)]
    [InlineData("c.Source.Outlet == null", true, false)] // member access through a missing value is null
    [InlineData("c.Source.Outlet == 'The Paper'", false, true)]
    [InlineData("c.Source.Year > 2000", false, true)]
    [InlineData("c.Source.Year <= 2000", false, false)]
    [InlineData("c.Rank == null", true, false)]
    [InlineData("c.Rank > 1", false, true)]
    [InlineData("c.Rank < 1", false, false)]
    [InlineData("c.Rank + 1 == 3", false, true)] // arithmetic with null is null
    [InlineData("c.Disputed", false, true)] // a null true/false is false in a condition
    [InlineData("!c.Disputed", true, false)] // ... and ! of null is !false
    [InlineData("c.Disputed && true", false, true)]
    [InlineData("c.Disputed || true", true, true)]
    [InlineData("c.Disputed == null", true, false)]
    [InlineData("c.EventDate > @2023-01-01", false, true)]
    [InlineData("c.EventDate == null", true, false)]
    [InlineData("c.Speaker in ['Jane Doe', 'X']", false, true)]
    [InlineData("c.Speaker not in ['Jane Doe']", true, false)]
    [InlineData("c.Speaker in [null]", true, false)]
    [InlineData("c.Rank in [2, 3]", false, true)]
    [InlineData("contains(c.Speaker, 'Jane')", false, true)]
    [InlineData("len(c.Speaker) == null", true, false)]
    [InlineData("len(c.Speaker) > 3", false, true)]
    [InlineData("lower(c.Source.Outlet) == 'the paper'", false, true)]
    [InlineData("coalesce(c.Speaker, 'nobody') == 'nobody'", true, false)]
    [InlineData("c.Speaker + '!' == '!'", true, false)] // concatenation treats null as empty text
    [InlineData("null == null", true, true)]
    public void Null_table(string text, bool whenMissing, bool whenPresent)
    {
        Assert.Equal(whenMissing, Check(text, Missing));
        Assert.Equal(whenPresent, Check(text, Present));
    }

    [Fact]
    public void Equality_between_two_missing_values_is_true_like_csharp()
    {
        var a = Article(source: null);
        Assert.True(Check("a.Source.Author == b.Source.Author", a: a, b: a));
    }

    [Fact]
    public void Nullable_member_chain_has_nullable_type()
    {
        Assert.Equal(typeof(int?), Value("c.Source.Year").ResultType);
        Assert.Null(Calc("c.Source.Year", Missing));
        Assert.Equal(2023, Calc("c.Source.Year", Present));
    }
}
