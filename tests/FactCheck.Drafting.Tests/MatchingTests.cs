using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Tests;

/// <summary>Matching drafted printings to recorded claims, and finding unlinked look-alikes among recorded claims.</summary>
public sealed class MatchingTests
{
    private const string Recorded = """
        sources:
          - {id: wire, kind: wire-copy, published: 2024-03-06}
          - {id: other, kind: article, published: 2024-03-06}
        propositions:
          - {key: strike.continues, description: The strike continues until the operators improve their offer.}
        claims:
          - id: kowalski-not-going-back
            statement: The dockworkers will not go back until there is a real offer.
            claimant: {name: Maria Kowalski, kind: person}
            stances: [{proposition: strike.continues, stance: asserts}]
            appearances:
              - {source: wire, attribution: direct-quote, quote: "We are not going back until the operators put a real offer on the table"}
          - id: reyes-not-going-back
            statement: Reyes is not going back.
            claimant: {name: Tomas Reyes, kind: person}
            stances: [{proposition: strike.continues, stance: asserts}]
            appearances:
              - {source: wire, attribution: direct-quote, quote: "We are not going back until the operators put a real offer on the table"}
          - id: kowalski-not-returning
            statement: The dockworkers will not return.
            claimant: {name: Maria Kowalski, kind: person}
            stances: [{proposition: strike.continues, stance: asserts}]
            appearances:
              - {source: other, attribution: direct-quote, quote: "We’re not going back until the operators put a real offer on the table!"}
        """;

    private static ClaimSet Set()
    {
        var loaded = ClaimsLoader.LoadText(Recorded, "recorded.yaml");
        Assert.Empty(loaded.Diagnostics);
        return loaded.ClaimSet;
    }

    private static Draft Draft(string text) =>
        ClaimDrafter.Draft(text, new DraftRequest("new") { Published = PartialDate.Parse("2024-03-07") }, Set());

    [Fact]
    public void Same_speaker_and_same_words_despite_typography_is_a_new_appearance_of_that_claim()
    {
        var draft = Draft("“We are not going back until the operators put a real offer on the table,” union leader Maria Kowalski said.");
        var m = Assert.Single(draft.Matched);
        Assert.Equal("kowalski-not-going-back", m.ClaimId);
        Assert.Equal(1.0, m.Similarity);
        Assert.Empty(draft.Claims);
    }

    [Fact]
    public void A_quoted_fragment_of_a_recorded_quotation_is_an_appearance_of_that_claim_but_a_two_word_one_is_not()
    {
        var draft = Draft("Maria Kowalski said the dockworkers were “not going back until the operators” moved. She called it “real offer”.");
        var m = Assert.Single(draft.Matched);
        Assert.Equal("not going back until the operators", m.Appearance.Quote);
        Assert.Contains(m.ClaimId, new[] { "kowalski-not-going-back", "kowalski-not-returning" }); // both print the phrase; Reyes is another speaker
        Assert.DoesNotContain(draft.Matched, x => x.Appearance.Quote == "real offer");
    }

    [Fact]
    public void Small_edits_still_match_and_the_drift_is_shown()
    {
        var draft = Draft("\"We are not returning until the operators put a real offer on the table,\" said Maria Kowalski.");
        var m = Assert.Single(draft.Matched);
        Assert.StartsWith("kowalski-", m.ClaimId, StringComparison.Ordinal);
        Assert.Contains("going", m.Drift, StringComparison.Ordinal);
        Assert.Contains("returning", m.Drift, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_speakers_words_are_not_a_match()
    {
        var draft = Draft("\"We are not going back until the operators put a real offer on the table,\" said Ilse Brandt.");
        Assert.Empty(draft.Matched);
        Assert.Empty(Assert.Single(draft.Claims).SameAs);
    }

    [Fact]
    public void A_weaker_match_is_proposed_as_same_as_with_the_recorded_claims_propositions()
    {
        var draft = Draft("\"There is no real offer on the table,\" said Maria Kowalski.");
        var claim = Assert.Single(draft.Claims);
        Assert.Contains(claim.SameAs, l => l.ClaimId.StartsWith("kowalski-", StringComparison.Ordinal));
        Assert.Contains("strike.continues", claim.Propositions);
    }

    [Fact]
    public void Match_lists_unlinked_look_alikes_of_the_same_speaker_once()
    {
        var pairs = LookAlikes.Find(Set());
        var pair = Assert.Single(pairs);
        Assert.Equal(["kowalski-not-going-back", "kowalski-not-returning"], new[] { pair.First.Id, pair.Second.Id }.Order());
    }

    [Fact]
    public void Linked_claims_are_not_listed()
    {
        var linked = Recorded.Replace(
            "    claimant: {name: Maria Kowalski, kind: person}\n    stances: [{proposition: strike.continues, stance: asserts}]\n    appearances:\n      - {source: other",
            "    claimant: {name: Maria Kowalski, kind: person}\n    links: {same_as: [kowalski-not-going-back]}\n    stances: [{proposition: strike.continues, stance: asserts}]\n    appearances:\n      - {source: other",
            StringComparison.Ordinal);
        Assert.NotEqual(Recorded, linked);
        var loaded = ClaimsLoader.LoadText(linked, "recorded.yaml");
        Assert.Empty(LookAlikes.Find(loaded.ClaimSet));
    }

    [Fact]
    public void Bundled_claims_have_no_unlinked_same_quote_pairs_beyond_the_known_clause_pair()
    {
        var set = Evaluation.GoldSet.Load(RepositoryPaths.Combine("claims"));
        var pairs = LookAlikes.Find(set);
        Assert.All(pairs, p => Assert.Equal(p.First.Claimant.Name, p.Second.Claimant.Name));
        Assert.True(pairs.Count <= 2, string.Join("\n", pairs.Select(p => $"{p.First.Id} ~ {p.Second.Id}")));
    }
}
