using FactCheck.Rules.Expressions.Reports;
using FactCheck.Rules.Facts;
using static FactCheck.Rules.Tests.Reports.Make;

namespace FactCheck.Rules.Tests.Reports;

public sealed class GroupedReportTests
{
    [Fact]
    public void Opposite_stances_are_counted_per_side()
    {
        var stances = new List<StanceFact>();
        for (var i = 0; i < 5000; i++)
        {
            stances.Add(Stance($"a{i}", $"A{i}", "asserts"));
            stances.Add(Stance($"d{i}", $"D{i}", "denies"));
        }

        var text = StanceConflicts.Opposite(stances);
        Assert.StartsWith("'p' is asserted by 5000 claims: A0 (a0), A1 (a1), A2 (a2), A3 (a3), A4 (a4) and 4995 more and denied by 5000 claims:", text);
    }

    [Fact]
    public void One_claimant_on_both_sides_is_a_self_contradiction_not_a_conflict()
    {
        List<StanceFact> stances = [Stance("c1", "A", "asserts"), Stance("c2", "A", "denies")];
        Assert.Null(StanceConflicts.Opposite(stances));
        Assert.Equal("'p': A asserts it in c1 and denies it in c2", StanceConflicts.SelfContradiction(stances));
    }

    [Fact]
    public void A_chain_conflict_names_the_edges_and_is_reported_at_one_end_only()
    {
        List<PropositionEdgeFact> edges = [new("p.a", "p.b", "implies", "f", 1, 1), new("p.b", "p.c", "implies", "f", 1, 1)];
        // c1 asserts p.a, c2 denies p.c: at p.c, c1's stance is derived from p.a; at p.a, c2's from p.c.
        var atC = StanceConflicts.ThroughEdges("p.c", [Stance("c1", "A", "asserts", "p.c", via: "p.a")], [Stance("c2", "B", "denies", "p.c")], edges);
        var atA = StanceConflicts.ThroughEdges("p.a", [Stance("c2", "B", "denies", "p.a", via: "p.c")], [Stance("c1", "A", "asserts", "p.a")], edges);
        Assert.Equal("A (c1) asserts 'p.a', so by 'p.a' implies 'p.b', 'p.b' implies 'p.c' it asserts 'p.c', which B (c2) denies", atC);
        Assert.Null(atA);
    }

    [Fact]
    public void Circumstances_compare_words_not_spelling_order_or_detail()
    {
        Assert.Null(Circumstances.Conflict([At("s1", role: "Russian President"), At("s2", role: "President of Russia"), At("s3", role: "president")], "speaker_role"));
        Assert.Null(Circumstances.Conflict([At("s1", audience: "General Zhang Youxia"), At("s2", audience: "Gen. Zhang Youxia")], "audience"));
        Assert.Null(Circumstances.Conflict([At("s1", place: "Moscow"), At("s2", place: "the Kremlin in Moscow")], "place"));
        Assert.Equal(
            "place of claim c1 differs between sources: \"Novo-Ogaryovo residence outside Moscow\" (t (primary)) vs \"Moscow\" (s1, s2)",
            Circumstances.Conflict([At("s1", place: "Moscow"), At("t", place: "Novo-Ogaryovo residence outside Moscow", primary: true), At("s2", place: "in Moscow")], "place"));
    }

    [Fact]
    public void Audiences_naming_the_same_people_agree_however_they_are_described()
    {
        // The seed story: one person, described with different titles by the two versions.
        Assert.Null(Circumstances.Conflict(
            [At("s1", audience: "China's vice-president of the Central Military Commission General Zhang Youxia"), At("s2", audience: "Gen. Zhang Youxia, vice chairman of China’s Central Military Commission")],
            "audience"));
        // Different people of one country, and a person against an office, still disagree.
        Assert.NotNull(Circumstances.Conflict([At("s1", audience: "China's President Xi Jinping"), At("s2", audience: "China's Defence Minister Li Shangfu")], "audience"));
        Assert.NotNull(Circumstances.Conflict([At("s1", audience: "the president"), At("s2", audience: "the defence minister")], "audience"));
    }

    [Fact]
    public void Occasions_worded_differently_are_one_event_and_timing_differences_are_reported()
    {
        Assert.Null(Circumstances.Conflict([At("s1", occasion: "receiving General Zhang Youxia", timing: "at"), At("s2", occasion: "welcomed Gen. Zhang Youxia", timing: "at")], "occasion"));
        var text = Circumstances.Conflict([At("s1", occasion: "the meeting with Zhang", timing: "before"), At("s2", occasion: "receiving Zhang", timing: "at")], "occasion");
        Assert.Equal("the occasion of claim c1 differs between sources: before \"the meeting with Zhang\" (s1) vs at \"receiving Zhang\" (s2)", text);
        Assert.Contains("different events", Circumstances.Conflict([At("s1", occasion: "talks with Shoigu"), At("s2", occasion: "talks with Zhang")], "occasion"));
        Assert.Contains("different events", Circumstances.Conflict([At("s1", occasion: "talks with Shoigu"), At("s2", occasion: "the talks"), At("s3", occasion: "talks with Zhang")], "occasion"));
        Assert.Contains("different events", Circumstances.Conflict([At("s1", occasion: "press conference in Moscow"), At("s2", occasion: "press conference in Beijing")], "occasion"));
    }

    [Fact]
    public void An_occasion_without_names_sharing_an_ordinary_word_is_the_same_event()
    {
        Assert.Null(Circumstances.Conflict([At("s1", occasion: "judgment in R (AAA) v Secretary of State for the Home Department"), At("s2", occasion: "reading the judgment")], "occasion"));
        Assert.Null(Circumstances.Conflict([At("s1", occasion: "meeting with Xi Jinping", timing: "after"), At("s2", occasion: "the meeting", timing: "after")], "occasion"));
        var text = Circumstances.Conflict([At("s1", occasion: "statement on the Supreme Court ruling", timing: "at"), At("s2", occasion: "statement"), At("s3", occasion: "PMQs", timing: "at")], "occasion");
        Assert.Equal("the occasion of claim c1 differs between sources: different events: \"statement on the Supreme Court ruling\" (s1) vs \"PMQs\" (s3)", text);
    }

    [Fact]
    public void A_hedge_against_a_flat_statement_is_reported()
    {
        Assert.Contains("\"likely\" (s1) vs \"stated flatly\" (s2)", Circumstances.Conflict([At("s1", hedge: "likely"), At("s2")], "hedge"));
        Assert.Null(Circumstances.Conflict([At("s1", hedge: "likely"), At("s2", hedge: "Likely")], "hedge"));
    }

    [Fact]
    public void Uncredited_copies_are_found_by_shingles_and_credited_ones_are_not()
    {
        var wire = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        var copy = wire.Replace("word30", "changed", StringComparison.Ordinal);
        List<SourceFact> sources =
        [
            Source("wire", "wire-copy", wire),
            Source("copier", "article", copy),
            Source("credited", "article", copy, lineage: "wire", credits: ["wire"]),
            Source("other", "article", string.Join(' ', Enumerable.Range(0, 60).Select(i => $"other{i}"))),
        ];
        var index = TextCopies.Build(sources);
        Assert.Equal("the text of copier repeats 91% of the text of wire (wire-copy, 2023-11-08) but neither credits nor derives from it", index.UncreditedCopy(sources[1]));
        Assert.Null(index.UncreditedCopy(sources[0]));
        Assert.Null(index.UncreditedCopy(sources[2]));
        Assert.Null(index.UncreditedCopy(sources[3]));
    }

    [Fact]
    public void Event_dates_that_cannot_match_are_reported_once()
    {
        var text = DateConflicts.Events([Date("s1", "last February", "2023-02"), Date("s2", "in February 2022", "2022-02", reference: "2023-11-09"), Date("s3", "February 2022", "2022-02-24")]);
        Assert.Equal(
            "claim c1 dates the same event differently: s1 says \"last February\" (2023-02, read against 2023-11-08) but s2 says \"in February 2022\" (2022-02, read against 2023-11-09); " +
            "s1 says \"last February\" (2023-02, read against 2023-11-08) but s3 says \"February 2022\" (2022-02-24, read against 2023-11-08)",
            text);
        Assert.Null(DateConflicts.Events([Date("s1", "in February 2022", "2022-02"), Date("s2", "on February 24, 2022", "2022-02-24")]));
        Assert.Null(DateConflicts.WhenMade([Date("s1", "on Wednesday", "2023-11-08", whenMade: true), Date("s2", "today", "2023-11-08", whenMade: true)]));
        Assert.NotNull(DateConflicts.WhenMade([Date("s1", "on Wednesday", "2023-11-08", whenMade: true), Date("s2", "on Wednesday", "2023-11-15", whenMade: true)]));
    }

    [Fact]
    public void Second_hand_chains_merge_spelling_variants_of_one_intermediary()
    {
        var a = Reported("s1", "x") with { Via = "Russian Defence Ministry", SourceOrigin = "wire" };
        var b = Reported("s2", "x") with { Via = "the Russian Defense Ministry", SourceOrigin = "wire" };
        Assert.Equal(
            "claim c1 is relayed through an intermediary in 2 sources: reported: P → Russian Defence Ministry / the Russian Defense Ministry → wire → s1, s2",
            SecondHand.Chain([a, b]));
        Assert.Null(SecondHand.Chain([Quote("s1", "x")]));
    }

    [Fact]
    public void Opposite_stances_need_two_claimants_among_those_taking_a_side()
    {
        // One claimant on both sides, whoever else only questions it, is a self-contradiction, not a conflict.
        Assert.Null(StanceConflicts.Opposite([Stance("c1", "A", "asserts"), Stance("c2", "B", "questions"), Stance("c3", "A", "denies")]));
        Assert.Null(StanceConflicts.Opposite([Stance("c1", "A", "asserts"), Stance("c2", "B", "asserts")]));
        Assert.Equal(
            "'p' is asserted by A (c1) and denied by 2 claims: A (c3), B (c4)",
            StanceConflicts.Opposite([Stance("c1", "A", "asserts"), Stance("c2", "C", "questions"), Stance("c3", "A", "denies"), Stance("c4", "B", "denies")]));
    }

    [Fact]
    public void A_self_contradiction_is_found_among_many_stances_as_among_few()
    {
        var few = new List<StanceFact> { Stance("c1", "A", "asserts"), Stance("c2", "B", "denies") };
        Assert.Null(StanceConflicts.SelfContradiction(few));
        var many = Enumerable.Range(0, 40).Select(i => Stance($"c{i}", $"N{i}", i % 2 == 0 ? "asserts" : "denies")).ToList();
        Assert.Null(StanceConflicts.SelfContradiction(many));
        many.Add(Stance("c99", "N0", "denies"));
        Assert.Equal("'p': N0 asserts it in c0 and denies it in c99", StanceConflicts.SelfContradiction(many));
        few.Add(Stance("c3", "B", "asserts"));
        Assert.Equal("'p': B asserts it in c3 and denies it in c2", StanceConflicts.SelfContradiction(few));
    }
}
