using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Tests;

/// <summary>Quotation and attribution patterns, each on a few sentences of news text.</summary>
public sealed class AttributionTests
{
    private static IReadOnlyList<DraftedAppearance> Draft(string text) =>
        ClaimDrafter.Draft(text, new DraftRequest("src") { Published = PartialDate.Parse("2024-03-06"), Outlet = "Daily" }, ClaimSet.Empty)
            .Claims.Select(c => c.Appearance).ToList();

    private static DraftedAppearance Quote(string text, string words) =>
        Draft(text).Single(a => a.Quote == words);

    [Theory]
    [InlineData("\"We will win,\" said Anna Berg.", "said Anna Berg")]
    [InlineData("“We will win,” Anna Berg said.", "Anna Berg said")]
    [InlineData("Anna Berg said: “We will win.”", "Anna Berg said")]
    [InlineData("Party leader Anna Berg insisted: \"We will win\".", "Party leader Anna Berg insisted")]
    [InlineData("«We will win», said Anna Berg.", "said Anna Berg")]
    public void Straight_curly_and_angled_quotes_with_the_punctuation_inside_or_outside(string text, string attributedAs)
    {
        var a = Quote(text, "We will win");
        Assert.Equal(AttributionKind.DirectQuote, a.Attribution);
        Assert.Equal("Anna Berg", a.Speaker);
        Assert.Equal(attributedAs, a.AttributedAs);
    }

    [Fact]
    public void Nested_quotes_stay_inside_the_outer_quote()
    {
        var a = Quote("Senator Mark Jennings said the plan was \"fully paid for, 'line by line'\".", "fully paid for, 'line by line'");
        Assert.Equal("Mark Jennings", a.Speaker);
    }

    [Fact]
    public void A_quote_broken_by_he_said_is_one_appearance()
    {
        var drafted = Draft("Minister Ola Nilsen spoke on Monday. \"We cannot say for certain,\" he said, \"but the signs are good.\"");
        var a = Assert.Single(drafted, d => d.Attribution == AttributionKind.DirectQuote);
        Assert.Equal("We cannot say for certain, but the signs are good", a.Quote);
        Assert.Equal("he said", a.AttributedAs);
        Assert.Equal("Ola Nilsen", a.Speaker);
        Assert.Contains(a.Notes, n => n.Contains("broken by its attribution", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_across_paragraphs_is_joined_and_marked()
    {
        var a = Draft("Mayor Lisa Holm told the council:\n\n\"The budget is tight. We will cut nothing.\n\n\"Not one school will close.\"\n").Single(d => d.Attribution == AttributionKind.DirectQuote);
        Assert.Equal("The budget is tight. We will cut nothing. Not one school will close", a.Quote);
        Assert.Equal("Lisa Holm", a.Speaker);
        Assert.Contains(a.Notes, n => n.Contains("several paragraphs", StringComparison.Ordinal));
    }

    [Fact]
    public void Pronoun_after_a_paraphrase_is_its_speaker()
    {
        var a = Quote(
            "Finance chief Henrik Sand said the plan was \"painful\". Union representative Grete Olsen told the agency the workers had learned of it from the media. \"Nobody told us first,\" she said.",
            "Nobody told us first");
        Assert.Equal("Grete Olsen", a.Speaker);
        Assert.Contains(a.Notes, n => n.Contains("\"she\" read as Grete Olsen", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_resolves_to_the_person_printed_with_it_and_the_guess_is_noted()
    {
        var a = Quote(
            "Russian Defence Minister Sergei Shoigu met his guest. Later, Russia's defence minister said the talks were \"productive\".",
            "productive");
        Assert.Equal("Sergei Shoigu", a.Speaker);
        Assert.Equal("Russia's defence minister", a.SpeakerRole);
        Assert.Contains(a.Notes, n => n.Contains("read as Sergei Shoigu", StringComparison.Ordinal));
    }

    [Fact]
    public void Told_gives_the_audience_and_the_place()
    {
        var a = Quote("\"Taxes will not rise,\" Governor Rosa Alvarado told a rally in Fairhaven.", "Taxes will not rise");
        Assert.Equal("Rosa Alvarado", a.Speaker);
        Assert.Equal("Governor", a.SpeakerRole);
        Assert.Equal("Governor Rosa Alvarado told a rally in Fairhaven", a.AttributedAs);
        Assert.Equal("Fairhaven", a.Place);
        Assert.StartsWith("a rally", a.Audience, StringComparison.Ordinal);
    }

    [Fact]
    public void According_to_an_intermediary_is_reported_with_via_and_fragments()
    {
        var a = Draft("General Zhang Youxia met the minister. The Chinese general said relations were at their \"highest level\", according to a Russian transcription of his remarks.")
            .Single(d => d.Attribution == AttributionKind.Reported);
        Assert.Equal("Zhang Youxia", a.Speaker);
        Assert.Equal("Russian transcription of his remarks", a.Via);
        Assert.Equal("according to a Russian transcription of his remarks", a.AttributedAs);
        Assert.Equal("relations were at their \"highest level\"", a.Quote);
        Assert.Equal(["highest level"], a.Fragments);
    }

    [Fact]
    public void Reported_speech_without_marks_is_a_paraphrase_with_its_date_read()
    {
        var a = Draft("Mayor Lisa Holm said on Monday that the bridge would reopen in June.").Single();
        Assert.Equal(AttributionKind.Paraphrase, a.Attribution);
        Assert.Equal("Mayor Lisa Holm said", a.AttributedAs);
        var date = Assert.Single(a.Dates, d => d.Text == "on Monday");
        Assert.Equal(PartialDate.Parse("2024-03-04"), date.Value);
    }

    [Fact]
    public void Circumstances_occasion_and_timing()
    {
        var a = Quote("While receiving General Zhang Youxia, Minister Sergei Shoigu said cooperation was \"not directed against third countries\".", "not directed against third countries");
        Assert.Equal("receiving General Zhang Youxia", a.Occasion);
        Assert.Equal("at", a.Timing);
    }

    [Fact]
    public void Hedges_outside_the_marks_are_kept()
    {
        var a = Draft("A report published in June found that Beijing had likely supplied drones.").Single();
        Assert.Equal("likely", a.Hedge);
        Assert.Equal("A report published in June found", a.AttributedAs);
    }

    [Fact]
    public void The_outlets_own_checkable_sentences_are_candidates_and_furniture_is_not()
    {
        var draft = ClaimDrafter.Draft(
            "About 2,400 workers walked out on Feb. 27, halting traffic at the port.\nCopyright 2024 Daily News. All rights reserved.\nShare this article",
            new DraftRequest("src") { Published = PartialDate.Parse("2024-03-06"), Outlet = "Daily News" }, ClaimSet.Empty);
        var claim = Assert.Single(draft.Claims);
        Assert.True(claim.Candidate);
        Assert.Equal("Daily News", claim.ClaimantName);
        Assert.Equal(ClaimantKind.Outlet, claim.ClaimantKind);
    }

    [Fact]
    public void Transcript_turns_are_direct_quotes_of_the_labelled_speaker()
    {
        var drafted = Draft("Briefing by Health Minister Jonas Halvorsen\n\nHALVORSEN: We will meet the target. Three regions are above it.\n\nQ: Is that realistic?\n\nDR. SELMA VOSS (Chief Epidemiologist): Cases have fallen.");
        var h = Assert.Single(drafted, d => d.Speaker == "Jonas Halvorsen");
        Assert.Equal("We will meet the target. Three regions are above it", h.Quote);
        var v = Assert.Single(drafted, d => d.Speaker == "Selma Voss");
        Assert.Equal("Chief Epidemiologist", v.SpeakerRole);
        Assert.DoesNotContain(drafted, d => d.Quote.Contains("realistic", StringComparison.Ordinal));
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        var drafted = Draft("The union's leader said the operators' offer was \"unfair\". It's the workers' call, she added.");
        Assert.Single(drafted, d => d.Attribution == AttributionKind.DirectQuote && d.Quote == "unfair");
    }

    [Fact]
    public void Nothing_is_invented_for_an_unattributed_quote()
    {
        var a = Draft("The sign read \"closed until further notice\".").Single(d => d.Attribution == AttributionKind.DirectQuote);
        Assert.Null(a.Speaker);
        Assert.Null(a.AttributedAs);
        Assert.Contains(a.Notes, n => n.Contains("no speaker", StringComparison.Ordinal));
    }

    // ---- patterns first met in published articles (the public-* corpus stories) ------------------------------

    [Fact]
    public void A_closing_mark_printed_the_wrong_way_round_still_ends_the_quote()
    {
        var a = Quote("Mayor Lisa Holm spoke. “Such a consensus can only be reached if all sides compromise,“ she said. The talks resume today.", "Such a consensus can only be reached if all sides compromise");
        Assert.Equal("Lisa Holm", a.Speaker);
        Assert.Equal("she said", a.AttributedAs);
    }

    [Fact]
    public void A_participle_between_two_quotations_introduces_the_second_and_takes_the_sentences_subject()
    {
        var drafted = Draft("Senator Mark Jennings attacked the media, hitting out at “fake news,” saying “the press has become so dishonest.”");
        var second = Assert.Single(drafted, d => d.Quote == "the press has become so dishonest");
        Assert.Equal("Mark Jennings", second.Speaker);
        Assert.Single(drafted, d => d.Quote == "fake news");
    }

    [Theory]
    [InlineData("Prime Minister Theresa May spoke in London. “I have done my best,” May said.", "May said")]
    [InlineData("Theresa May has confirmed that she will stand down on June 7, her office said.", null)]
    public void A_surname_that_is_also_a_month_is_read_as_the_name(string text, string? attributedAs)
    {
        var drafted = Draft(text);
        if (attributedAs is null)
        {
            Assert.Contains(drafted, d => d.Speaker == "Theresa May");
            return;
        }

        var a = Assert.Single(drafted, d => d.Quote == "I have done my best");
        Assert.Equal("Theresa May", a.Speaker);
        Assert.Equal(attributedAs, a.AttributedAs);
    }

    [Fact]
    public void Paragraphs_after_an_introducing_line_without_quotation_marks_are_a_block_quotation()
    {
        var drafted = Draft("Prime Minister Anna Berg resigned on Friday. Fighting back tears, she said:\nI will shortly leave the job.\nAnd to honour the result.\nThe foreign secretary, Jens Olsen, said he would run to replace Berg.");
        var block = drafted.Where(d => d.Attribution == AttributionKind.DirectQuote).ToList();
        Assert.Equal(["I will shortly leave the job", "And to honour the result"], block.Select(b => b.Quote));
        Assert.All(block, b => Assert.Equal("Anna Berg", b.Speaker));
        Assert.All(block, b => Assert.Equal("she said", b.AttributedAs));
        Assert.All(block, b => Assert.Contains(b.Notes, n => n.Contains("block quotation", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_headline_quotation_before_a_colon_is_the_words_of_the_person_named_after_it()
    {
        var a = Quote("“I inherited a mess”: Donald Trump delivers his first solo press conference\n\nThe president spoke for 77 minutes.", "I inherited a mess");
        Assert.Equal("Donald Trump", a.Speaker);
    }

    [Fact]
    public void A_title_case_headline_does_not_make_its_capitalised_words_a_name()
    {
        var a = Quote("President Obama Gives Final News Conference\n\nPresident Obama spoke for an hour.\n\n“At my core, I think we’re going to be OK,” Obama said.", "At my core, I think we’re going to be OK");
        Assert.Equal("Obama", a.Speaker);
    }

    [Fact]
    public void A_pronoun_with_no_subject_or_speaker_before_it_is_the_last_person_named()
    {
        var a = Quote("Ticking all the boxes, President Donald Trump mounted a defence of his record.\n\n“To be honest, I inherited a mess,” he said during the speech.", "To be honest, I inherited a mess");
        Assert.Equal("Donald Trump", a.Speaker);
        Assert.Contains(a.Notes, n => n.Contains("last person named", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quotation_after_a_sentence_about_a_person_is_that_persons()
    {
        var a = Quote("Prime Minister Anna Berg quit on Friday.\n\nShe admitted defeat on the deal. “I tried three times and failed.”", "I tried three times and failed");
        Assert.Equal("Anna Berg", a.Speaker);
    }

    [Fact]
    public void The_president_is_the_sitting_one_and_said_today_belongs_to_the_attribution()
    {
        var drafted = Draft("President Barack Obama thanked former President George Bush.\n\nThe president defended his decision, telling reporters that “justice has been served” in her case.\n\n“I feel comfortable,” Obama said today, “that a message was sent.”");
        var justice = Assert.Single(drafted, d => d.Quote == "justice has been served");
        Assert.Equal("Barack Obama", justice.Speaker);
        Assert.Equal("telling reporters", justice.AttributedAs);
        Assert.Single(drafted, d => d.AttributedAs == "Obama said today");
    }
}
