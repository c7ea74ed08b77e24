using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>
/// Table: (reference, text, expected). Expected is "unresolved", an ISO value ("2023-06"), or an inclusive
/// interval ("2023-10-30/2023-11-05", open start ".."); a leading "~" means the resolution must be approximate.
/// Reference "-" means none. 2023-11-08, the seed articles' publication date, is a Wednesday.
/// </summary>
public sealed class DateResolverTableTests
{
    private const string Pub = "2023-11-08";

    public static TheoryData<string, string, string> Seeds => new()
    {
        // Euronews with AFP, published Wednesday 2023-11-08.
        { Pub, "Russia's defence minister said earlier the two were not creating a \"military bloc\"", "~../2023-11-08" },
        { Pub, "Russia's president claimed on Wednesday that Moscow and Beijing were not trying to build a Cold War-esque alliance", "2023-11-08" },
        { Pub, "with the G7 calling on Beijing \"not to help\" Moscow on Wednesday.", "2023-11-08" },
        { Pub, "A US intelligence report published in June found that Beijing had likely supplied Russia with key military technologies", "2023-06" },
        { Pub, "Speaking today, Putin claimed NATO was seeking to \"exceed its geographical framework\"", "2023-11-08" },
        { Pub, "Moscow and Beijing maintain strong ties, which have strengthened since Russia invaded its western neighbour in February 2022.", "2022-02" },
        { Pub, "Putin visited China in October", "2023-10" },
        { Pub, "his first trip to a major world power since attacking Ukraine nearly two years ago.", "~2021-11-08/2022-05-08" },
        { Pub, "Earlier on Wednesday, Russian Defence Minister Sergei Shoigu also insisted Moscow and Beijing were \"not creating a military bloc\"", "2023-11-08" },
        { Pub, "a welcoming ceremony for Russian President Vladimir Putin at the Great Hall of the People in Beijing on June 25, 2016.", "2016-06-25" },
        { Pub, "Copyright Mark Schiefelbein/Copyright 2022 The AP. All rights reserved.", "2022" },
        { Pub, "Putin visited China in October, his first trip to a major world power since attacking Ukraine nearly two years ago.", "unresolved" },

        // The bare expressions the claim files carry.
        { Pub, "on Wednesday", "2023-11-08" },
        { Pub, "Earlier on Wednesday", "2023-11-08" },
        { Pub, "earlier", "~../2023-11-08" },
        { Pub, "today", "2023-11-08" },
        { Pub, "published in June", "2023-06" },
        { Pub, "in June", "2023-06" },
        { Pub, "in February 2022", "2022-02" },
        { Pub, "in October", "2023-10" },
        { Pub, "nearly two years ago", "~2021-11-08/2022-05-08" },
        { Pub, "on June 25, 2016", "2016-06-25" },
        { Pub, "Copyright 2022", "2022" },

        // Rewrite (header: "date 2023-11-08 November 8, 2023"), curly quotes and apostrophes.
        { Pub, "2023-11-08", "2023-11-08" },
        { Pub, "November 8, 2023", "2023-11-08" },
        { Pub, "date 2023-11-08 November 8, 2023", "unresolved" },
        { Pub, "Russia\u2019s defense minister had earlier said the two were not creating a \u201cmilitary bloc\u201d", "~../2023-11-08" },
        { Pub, "Russia\u2019s president claimed on Wednesday that Moscow and Beijing are not trying to build a Cold War-like alliance", "2023-11-08" },
        { Pub, "with the G7 calling on Beijing on Wednesday not to \u201chelp\u201d Moscow.", "2023-11-08" },
        { Pub, "A US intelligence report published in June found that Beijing had likely supplied Russia with key military technologies used in Ukraine", "2023-06" },
        { Pub, "Speaking today, Putin claimed NATO was trying to \u201cgrow beyond its geographical framework\u201d", "2023-11-08" },
        { Pub, "which have strengthened since Russia invaded its western neighbor in February 2022.", "2022-02" },
        { Pub, "Putin visited China in October, his first visit", "2023-10" },
        { Pub, "his first visit to a major world power since the invasion of Ukraine nearly two years ago.", "~2021-11-08/2022-05-08" },
        { Pub, "Earlier on Wednesday, Russian Defense Minister Sergei Shoigu also insisted that Moscow and Beijing", "2023-11-08" },
    };

    public static TheoryData<string, string, string> Forms => new()
    {
        // Weekdays: latest on or before the reference unless the sentence marks the future.
        { Pub, "on Monday", "2023-11-06" },
        { Pub, "Tuesday", "2023-11-07" },
        { Pub, "on Thursday", "2023-11-02" },
        { Pub, "on Sunday", "2023-11-05" },
        { Pub, "last Wednesday", "2023-11-01" },
        { Pub, "last Friday", "2023-11-03" },
        { Pub, "next Wednesday", "2023-11-15" },
        { Pub, "next Monday", "2023-11-13" },
        { Pub, "this Friday", "2023-11-10" },
        { Pub, "this Monday", "2023-11-06" },
        { Pub, "later on Wednesday", "2023-11-08" },
        { Pub, "Earlier, on Wednesday, he said", "2023-11-08" },
        { Pub, "on Tuesday night", "2023-11-07" },
        { Pub, "Putin will travel to Beijing on Friday", "2023-11-10" },
        { Pub, "The summit will open on Wednesday", "2023-11-08" },
        { Pub, "He said on Monday that he will travel to Beijing", "2023-11-06" },   // tense from the clause: "said"
        { Pub, "on Wednesday, November 8, 2023", "2023-11-08" },
        { Pub, "on Thursday, November 8, 2023", "unresolved" },
        { "2023-11", "on Wednesday", "unresolved" },
        { "-", "on Wednesday", "unresolved" },
        { "2023-11-08T23:30-05:00", "on Wednesday", "2023-11-08" },
        { "2023-11-09", "on Wednesday", "2023-11-08" },
        { "2023-11-08", "since Monday", "2023-11-06/2023-11-08" },
        { Pub, "ON WEDNESDAY", "2023-11-08" },
        { Pub, "\u201con Wednesday\u201d", "2023-11-08" },

        // Relative days.
        { Pub, "yesterday", "2023-11-07" },
        { Pub, "Yesterday afternoon", "2023-11-07" },
        { Pub, "tomorrow", "2023-11-09" },
        { Pub, "tonight", "2023-11-08" },
        { Pub, "this morning", "2023-11-08" },
        { Pub, "last night", "2023-11-07" },
        { Pub, "the day before yesterday", "2023-11-06" },
        { Pub, "earlier today", "2023-11-08" },
        { "-", "today", "unresolved" },

        // Month and day, both orders, abbreviations; without a year the latest past occurrence.
        { Pub, "Oct. 30", "2023-10-30" },
        { Pub, "30 October", "2023-10-30" },
        { Pub, "October 30, 2023", "2023-10-30" },
        { Pub, "on the 30th of October", "2023-10-30" },
        { Pub, "OCT. 30", "2023-10-30" },
        { Pub, "Nov. 20", "2023-11-20" },
        { Pub, "The vote will be held on Nov. 20", "2023-11-20" },
        { Pub, "Dec 25", "2023-12-25" },
        { Pub, "25 December 2022", "2022-12-25" },
        { Pub, "Feb. 24, 2022", "2022-02-24" },
        { Pub, "Sept. 11, 2001", "2001-09-11" },
        { Pub, "Feb 29", "2024-02-29" },
        { Pub, "February 30, 2023", "unresolved" },
        { Pub, "April 31", "unresolved" },
        { "-", "June 25, 2016", "2016-06-25" },
        { "-", "Oct. 30", "unresolved" },

        // Month names.
        { Pub, "IN JUNE", "2023-06" },
        { Pub, "June", "2023-06" },
        { Pub, "in November", "2023-11" },
        { Pub, "in December", "2023-12" },   // no tense: the near future (docs/dates.md)
        { Pub, "The talks will resume in December", "2023-12" },
        { Pub, "last June", "2023-06" },
        { Pub, "last November", "2022-11" },
        { Pub, "next June", "2024-06" },
        { Pub, "this June", "2023-06" },
        { Pub, "in May", "2023-05" },
        { Pub, "at the end of June", "2023-06" },
        { Pub, "in mid-July", "2023-07" },
        { "2023-06", "in June", "2023-06" },
        { "2023-11", "in October", "2023-10" },
        { "2023", "in June", "unresolved" },
        { Pub, "February 2022", "2022-02" },
        { Pub, "in early March 2014", "2014-03" },
        { Pub, "since March", "2023-03-01/2023-11-08" },
        { Pub, "since February 2022", "2022-02-01/2023-11-08" },
        { Pub, "before June", "unresolved" },
        { Pub, "until March 2024", "unresolved" },
        { Pub, "officials say they may return", "unresolved" },

        // Weeks, months, years relative to the reference.
        { Pub, "last week", "2023-10-30/2023-11-05" },
        { Pub, "this week", "2023-11-06/2023-11-12" },
        { Pub, "next week", "2023-11-13/2023-11-19" },
        { Pub, "last month", "2023-10" },
        { Pub, "this month", "2023-11" },
        { Pub, "next month", "2023-12" },
        { Pub, "last year", "2022" },
        { Pub, "this year", "2023" },
        { Pub, "next year", "2024" },
        { Pub, "earlier this month", "2023-11-01/2023-11-08" },
        { Pub, "later this month", "2023-11-08/2023-11-30" },
        { Pub, "earlier this year", "2023-01-01/2023-11-08" },
        { Pub, "in the past week", "2023-11-01/2023-11-08" },
        { Pub, "over the past year", "2022-11-08/2023-11-08" },
        { "2023-01-15", "last month", "2022-12" },
        { "2023", "last year", "2022" },
        { "-", "this year", "unresolved" },

        // N units ago, words or digits, with hedges (tolerances in the README).
        { Pub, "two days ago", "2023-11-06" },
        { Pub, "3 days ago", "2023-11-05" },
        { Pub, "a week ago", "~2023-10-29/2023-11-04" },
        { Pub, "two months ago", "2023-09" },
        { Pub, "a year ago", "2022" },
        { Pub, "two years ago", "2021" },
        { Pub, "twenty-five years ago", "1998" },
        { Pub, "almost a year ago", "~2022-11-08/2023-02-08" },
        { Pub, "about three months ago", "~2023-07-08/2023-09-08" },
        { Pub, "more than a year ago", "~2022-05-08/2022-11-08" },
        { Pub, "over 10 years ago", "~2008-11-08/2013-11-08" },
        { Pub, "less than a week ago", "2023-11-01/2023-11-08" },
        { Pub, "a couple of days ago", "~2023-11-05/2023-11-07" },
        { Pub, "a decade ago", "~2011-05-08/2016-05-08" },
        { Pub, "a few days ago", "unresolved" },
        { Pub, "several years ago", "unresolved" },
        { "-", "nearly two years ago", "unresolved" },

        // Years, decades, other forms.
        { Pub, "2022", "2022" },
        { Pub, "in 2014", "2014" },
        { Pub, "since 2014", "2014-01-01/2023-11-08" },
        { Pub, "\u00a9 2021", "2021" },
        { Pub, "a force of 2000 troops", "unresolved" },
        { Pub, "in the 1990s", "1990-01-01/1999-12-31" },
        { Pub, "in the spring", "unresolved" },
        { Pub, "last summer", "unresolved" },
        { Pub, "11/08/2023", "unresolved" },
        { Pub, "25/12/2022", "2022-12-25" },
        { Pub, "", "unresolved" },
        { Pub, "no date here at all", "unresolved" },
        { Pub, "in an earlier statement", "unresolved" },
        { Pub, "He spoke earlier than planned.", "unresolved" },
        { Pub, "May I help?", "unresolved" },
        { Pub, "Protesters march through the capital.", "unresolved" },
        { Pub, "2014-2022", "2014-01-01/2022-12-31" },
        { Pub, "from June to August", "2023-06-01/2023-08-31" },
        { Pub, "mid-2022", "2022" },
        { Pub, "In 2019, he was elected.", "2019" },
        { Pub, "2023-11-08T14:10+05:00", "2023-11-08T14:10+05:00" },

        // Sentences as they come.
        { Pub, "The meeting took place on Tuesday, officials said.", "2023-11-07" },
        { Pub, "Talks are set to resume on Monday.", "2023-11-13" },
        { Pub, "He arrived on 8 November.", "2023-11-08" },
        { Pub, "The ceasefire signed on Nov 3 collapsed.", "2023-11-03" },
        { Pub, "The report was released Sept. 30.", "2023-09-30" },
        { Pub, "Wednesday, Nov. 8", "2023-11-08" },
        { Pub, "this past Sunday", "2023-11-05" },
        { Pub, "It happened around three years ago.", "~2020-02-08/2021-08-08" },
        { Pub, "more than two weeks ago", "~2023-10-17/2023-10-25" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    [MemberData(nameof(Forms))]
    public void Resolves_as_a_fact_checker_would(string reference, string text, string expected)
    {
        PartialDate? r = reference == "-" ? null : PartialDate.Parse(reference);
        var result = DateResolver.Resolve(text, r);

        if (expected == "unresolved")
        {
            Assert.False(result.IsResolved, $"expected unresolved, got {result}");
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Null(result.Value);
            Assert.Null(result.Interval);
            return;
        }

        Assert.True(result.IsResolved, $"expected {expected}, got {result}");
        var approximate = expected.StartsWith('~');
        var value = expected.TrimStart('~');
        Assert.Equal(approximate, result.Approximate);
        if (value.Contains('/'))
        {
            Assert.Null(result.Value);
            Assert.Equal(value, result.Interval?.ToString());
        }
        else
        {
            Assert.Null(result.Interval);
            Assert.Equal(value, result.Value?.ToString());
        }

        Assert.NotNull(result.RuleName);
        Assert.False(string.IsNullOrEmpty(result.MatchedText));
        Assert.Equal(result.MatchedText, text.Substring(result.MatchIndex, result.MatchedText!.Length));
    }

    [Fact]
    public void Table_is_large_enough()
    {
        Assert.True(Seeds.Count + Forms.Count >= 80, $"{Seeds.Count + Forms.Count} rows");
    }
}
