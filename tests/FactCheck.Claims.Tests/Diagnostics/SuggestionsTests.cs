using FactCheck.Claims.Diagnostics;

namespace FactCheck.Claims.Tests.Diagnostics;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abcd", 4)]
    [InlineData("same", "same", 0)]
    [InlineData("statment", "statement", 1)]
    [InlineData("teh", "the", 1)] // a transposition is one edit
    [InlineData("ab", "ba", 1)]
    public void Distance_counts_edits_and_transpositions(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }

    [Fact]
    public void Distance_gives_up_past_the_limit()
    {
        Assert.Equal(3, Suggestions.Distance("abcdefgh", "zyxwvuts", limit: 2));
        Assert.Equal(3, Suggestions.Distance("a", "abcdefgh", limit: 2));
        var longText = new string('a', 100_000);
        Assert.Equal(2, Suggestions.Distance(longText, new string('b', 100_000), limit: 1));
    }

    [Theory]
    [InlineData("statment", "; did you mean 'statement'?")]
    [InlineData("Statement", "; did you mean 'statement'?")]
    [InlineData("appearence", "; did you mean 'appearances'?")]
    [InlineData("appear", "; did you mean 'appearances'?")] // a shared stem
    [InlineData("zzzzzz", "")]
    [InlineData("x", "")]
    public void Did_you_mean_offers_the_closest(string input, string expected) =>
        Assert.Equal(expected, Suggestions.DidYouMean(input, ["statement", "appearances", "denies", "asserts", "claimant"]));

    [Fact]
    public void Equally_close_candidates_are_all_offered_up_to_three_in_order()
    {
        Assert.Equal("; did you mean 'cat' or 'cut'?", Suggestions.DidYouMean("cot", ["cut", "cat", "dog"]));
        Assert.Equal(["bat", "cat", "eat"], Suggestions.Closest("fat", ["hat", "eat", "cat", "bat"]));
        Assert.Equal(["Count", "count"], Suggestions.Closest("COUNT", ["count", "Count", "amount"]));
    }
}
