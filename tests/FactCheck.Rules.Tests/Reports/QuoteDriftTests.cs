using FactCheck.Rules.Expressions.Reports;
using static FactCheck.Rules.Tests.Reports.Make;

namespace FactCheck.Rules.Tests.Reports;

public sealed class QuoteDriftTests
{
    [Fact]
    public void Identical_wordings_are_merged_and_typography_is_no_drift()
    {
        var result = QuoteDrift.Analyse([Quote("s1", "more and more important"), Quote("s2", "More and more  important."), Quote("s3", "“more and more important”")]);
        Assert.Null(result.Level);
    }

    [Fact]
    public void A_substituted_word_is_named_and_is_info()
    {
        var result = QuoteDrift.Analyse([
            Quote("s1", "Russia and China are not building a Cold War-style military alliance"),
            Quote("s2", "Russia and China are not building a Cold War-style military alliance"),
            Quote("s3", "Russia and China are not forming a Cold War-style military alliance")]);
        Assert.Equal("info", result.Level);
        Assert.Contains("'building' → 'forming'", result.Message);
        Assert.Contains("Reference (printed by most sources): \"Russia and China are not building a Cold War-style military alliance\" (s1, s2)", result.Message);
        Assert.Contains("(s3)", result.Message);
    }

    [Fact]
    public void The_primary_record_is_the_reference_even_when_fewer_sources_print_it()
    {
        var result = QuoteDrift.Analyse([
            Quote("s1", "exceed its geographical framework"),
            Quote("s2", "exceed its geographical framework"),
            Quote("kremlin", "go beyond its geographical framework", primary: true)]);
        Assert.Contains("Reference (the primary record): \"go beyond its geographical framework\" (kremlin)", result.Message);
        Assert.Contains("'go beyond' → 'exceed'", result.Message);
    }

    [Fact]
    public void The_origin_of_a_derived_from_chain_is_the_reference()
    {
        var result = QuoteDrift.Analyse([Quote("rewrite", "build new alliances", origin: "wire"), Quote("wire", "create new alliances")]);
        Assert.Contains("Reference (the origin the others derive from): \"create new alliances\" (wire)", result.Message);
        Assert.Contains("'create' → 'build'", result.Message);
    }

    [Fact]
    public void An_excerpt_is_not_drift_but_a_qualifier_dropped_from_the_middle_is_a_warning()
    {
        var full = Quote("t", "we are not building a Cold War-style military alliance", primary: true);
        Assert.Null(QuoteDrift.Analyse([full, Quote("s1", "military alliance"), Quote("s2", "Cold War-style military alliance")]).Level);

        var dropped = QuoteDrift.Analyse([full, Quote("s1", "we are not building a military alliance")]);
        Assert.Equal("warning", dropped.Level);
        Assert.Contains("'Cold War style' dropped (qualifier dropped)", dropped.Message);
    }

    [Theory]
    [InlineData("our cooperation is directed against third countries", "negation dropped")]
    [InlineData("our cooperation is not directed against third countries at all", "words added")]
    [InlineData("our cooperation is likely not directed against third countries", "hedge added")]
    [InlineData("our cooperation is not directed against 3 countries", "number changed")]
    public void Changes_of_meaning_are_warnings(string wording, string why)
    {
        var result = QuoteDrift.Analyse([Quote("t", "our cooperation is not directed against third countries", primary: true), Quote("s", wording)]);
        Assert.Equal("warning", result.Level);
        Assert.Contains(why, result.Message);
    }

    [Fact]
    public void Quoted_pieces_are_compared_piece_by_piece_and_fragments_count()
    {
        var result = QuoteDrift.Analyse([
            Quote("s1", "\"not creating a military bloc\" - unlike \"certain aggressive Western countries\""),
            Quote("s2", "unlike “some aggressive Western countries”, were “not creating military blocs”"),
            Reported("s3", "he said they were \"not creating a military bloc\"", "not creating a military bloc")]);
        Assert.Equal("info", result.Level);
        Assert.Contains("'certain' → 'some'", result.Message);
        Assert.Contains("'bloc' → 'blocs'", result.Message);
        Assert.Contains("(1 other wording is an excerpt of it)", result.Message);
    }

    [Fact]
    public void A_negation_dropped_from_a_fragment_is_a_warning()
    {
        var result = QuoteDrift.Analyse([
            Quote("t", "our cooperation is not directed against third countries", primary: true),
            Reported("s", "he said cooperation was \"directed at third countries\"", "directed at third countries")]);
        Assert.Equal("info", result.Level); // "against" -> "at" on an excerpt: the "not" outside the fragment is framing
        Assert.Contains("'against' → 'at'", result.Message);
    }

    [Fact]
    public void British_and_American_spellings_are_the_same_words()
    {
        Assert.Null(QuoteDrift.Analyse([Quote("s1", "cooperation in the field of defence"), Quote("s2", "cooperation in the field of defense")]).Level);
    }

    [Fact]
    public void Four_hundred_printings_give_one_result_listing_each_wording_once()
    {
        var list = Enumerable.Range(0, 400)
            .Select(i => Quote($"s{i}", i % 3 == 0 ? "we are not forming a military alliance" : "we are not building a military alliance"))
            .ToList();
        var result = QuoteDrift.Analyse(list);
        Assert.Equal("info", result.Level);
        Assert.Contains("quoted in 2 wordings", result.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Message!, "'building' → 'forming'"));
    }
}

public sealed class WordsTests
{
    [Theory]
    [InlineData("Russia and China are NOT building a “Cold War-style” military alliance.")]
    [InlineData("We don't, can't and won't organise the defence of our neighbour's harbour")]
    [InlineData("Élysée 'quoted' words’ — O'Brien's 2023 plans, realising colours")]
    [InlineData("  ''  ' x '  ")]
    [InlineData("")]
    public void The_lean_key_is_the_key_of_the_words(string text) => Assert.Equal(Words.Of(text).Key, Words.KeyOf(text));

    [Fact]
    public void The_lean_key_agrees_on_random_text()
    {
        const string alphabet = "abcXYZ éü' \u2019\"\u201C-.,0123nt'ourenceis";
        var random = new Random(20231108);
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.Equal(Words.Of(text).Key, Words.KeyOf(text));
        }
    }

    [Fact]
    public void Words_are_printed_as_cut_from_the_text_with_straight_apostrophes_and_negations_split()
    {
        var words = Words.Of("The \u2018Leaders\u2019 can\u2019t agree, O`Brien''  says");
        Assert.Equal(["The", "Leaders", "can't", "", "agree", "O'Brien", "says"], words.Printed);
        Assert.Equal(["the", "leaders", "can", "not", "agree", "o'brien", "says"], words.Folded);
        Assert.Equal("The Leaders", words.Span(0, 2));
        Assert.Empty(Words.Of("  '' \u2019 -- ").Printed);
    }
}
