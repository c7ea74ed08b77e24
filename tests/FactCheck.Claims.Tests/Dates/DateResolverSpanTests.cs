using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

public sealed class DateResolverSpanTests
{
    private static readonly PartialDate Pub = PartialDate.Parse("2023-11-08");

    [Theory]
    [InlineData("A US intelligence report published in June found", "in June", "month")]
    [InlineData("Earlier on Wednesday, Russian Defence Minister Sergei Shoigu", "Earlier on Wednesday", "weekday")]
    [InlineData("Speaking today, Putin claimed", "today", "relative-day")]
    [InlineData("since Russia invaded its western neighbour in February 2022.", "in February 2022", "month-year")]
    [InlineData("since attacking Ukraine nearly two years ago.", "nearly two years ago", "ago")]
    [InlineData("in Beijing on June 25, 2016.", "on June 25, 2016", "month-day")]
    [InlineData("Copyright Mark Schiefelbein/Copyright 2022 The AP.", "Copyright 2022", "year")]
    [InlineData("Russia\u2019s defense minister had earlier said", "earlier", "earlier")]
    [InlineData("Ties have grown since March.", "since March", "month+since")]
    [InlineData("Prices rose sharply before June.", "before June", "month")]
    [InlineData("He has led the group since 2014 and", "since 2014", "year+since")]
    public void Reports_the_matched_span_and_rule(string text, string matched, string rule)
    {
        var r = DateResolver.Resolve(text, Pub);
        Assert.Equal(matched, r.MatchedText);
        Assert.Equal(rule, r.RuleName);
        Assert.Equal(text.IndexOf(matched, StringComparison.Ordinal), r.MatchIndex);
    }

    [Fact]
    public void Several_expressions_are_ambiguous_for_Resolve_and_listed_by_ResolveAll()
    {
        const string text = "Putin visited China in October, his first trip to a major world power since attacking Ukraine nearly two years ago.";
        var single = DateResolver.Resolve(text, Pub);
        Assert.False(single.IsResolved);
        Assert.Contains("ambiguous", single.Reason, StringComparison.Ordinal);
        Assert.Contains("'in October'", single.Reason, StringComparison.Ordinal);

        var all = DateResolver.ResolveAll(text, Pub);
        Assert.Equal(["in October", "nearly two years ago"], all.Select(r => r.MatchedText));
        Assert.Equal("2023-10", all[0].Value.ToString());
        Assert.Equal("2021-11-08/2022-05-08", all[1].Interval.ToString());
        Assert.True(all[1].Approximate);
    }

    [Fact]
    public void ResolveAll_is_empty_without_expressions_and_refuses_bad_input_with_one_entry()
    {
        Assert.Empty(DateResolver.ResolveAll("no dates here", Pub));
        var refused = Assert.Single(DateResolver.ResolveAll(new string('x', DateResolver.MaxInputLength + 1), Pub));
        Assert.False(refused.IsResolved);
        Assert.Contains("longer than 500", refused.Reason, StringComparison.Ordinal);
        Assert.Null(refused.MatchedText);
    }

    [Theory]
    [InlineData("on Wednesday", null, "no reference date")]
    [InlineData("on Wednesday", "2023-11", "too coarse")]
    [InlineData("in the spring", "2023-11-08", "seasons are not resolved")]
    [InlineData("before June", "2023-11-08", "open bound")]
    [InlineData("a few days ago", "2023-11-08", "vague count")]
    [InlineData("11/08/2023", "2023-11-08", "ambiguous (day/month order")]
    [InlineData("February 30, 2023", "2023-11-08", "February 30 does not exist")]
    [InlineData("The team would play on Saturday if the weather allowed", "2023-11-08", "does not tell whether")]
    [InlineData("The Feb. 29 report", "2023-06-08", "no tense in the sentence tells")]
    [InlineData("He was seen the previous Friday", "2023-11-08", "relative to an event told in the text")]
    [InlineData("The council meets each Thursday", "2023-11-08", "recurring set")]
    [InlineData("He joined in June nineteen", "2023-11-08", "followed by a year")]
    [InlineData("The truce holds until 15:00 GMT Saturday", "2023-11-08", "open bound ('until')")]
    [InlineData("on Thursday, November 8, 2023", "2023-11-08", "contradicts 2023-11-08, which is a Wednesday")]
    [InlineData("nothing to see", "2023-11-08", "no date expression")]
    public void Unresolved_results_say_why(string text, string? reference, string reasonPart)
    {
        var r = DateResolver.Resolve(text, reference is null ? null : PartialDate.Parse(reference));
        Assert.Equal(ResolutionStatus.Unresolved, r.Status);
        Assert.Contains(reasonPart, r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_time_reference_is_read_as_its_local_day()
    {
        // 23:30 at UTC-5 is already Thursday in UTC; the article's own calendar day is what "today" means.
        var r = DateResolver.Resolve("today", PartialDate.Parse("2023-11-08T23:30-05:00"));
        Assert.Equal("2023-11-08", r.Value.ToString());
    }
}
