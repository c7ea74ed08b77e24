using System.Globalization;
using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Tests.Facts;

/// <summary>
/// The counts the projection puts on facts so that grouped rules run only where something can differ: same_as groups
/// (counted before the parallel pass) and lone claims (counted where they are projected) must agree, short and long
/// lists alike, and the facts must come out in file order however many chunks project them.
/// </summary>
public sealed class FactProjectionTests
{
    private const string Sources = """
        sources:
          - {id: wire, kind: wire-copy, wire: AFP, authors: [A], published: 2023-11-08}
          - {id: a1, kind: article, outlet: O1, authors: [B], published: 2023-11-08, derived_from: wire}
          - {id: a2, kind: article, outlet: O2, authors: [C], published: 2023-11-09}
          - {id: a3, kind: article, outlet: O3, authors: [D], published: 2023-11-09, credits: [a2]}
        propositions: [{key: p.x, description: x, implies: [p.y]}, {key: p.y, description: y}]
        """;

    private static IReadOnlyList<IFact> Project(string claims)
    {
        var loaded = ClaimsLoader.LoadText(Sources + "\nclaims:\n" + claims, "test.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return FactProjection.Project(loaded.ClaimSet);
    }

    private static ClaimFact Claim(IReadOnlyList<IFact> facts, string id) => facts.OfType<ClaimFact>().Single(c => c.Id == id);

    [Fact]
    public void A_same_as_group_is_counted_over_all_its_claims_whichever_side_links()
    {
        var facts = Project("""
              - id: first
                statement: x
                claimant: {name: P, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a1, attribution: direct-quote, quote: "we are not building an alliance", place: Moscow, hedge: likely}
              - id: second
                statement: x
                claimant: {name: P, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                links: {same_as: [first]}
                appearances:
                  - {source: a2, attribution: direct-quote, quote: "we are not building an alliance", place: "moscow."}
              - id: third
                statement: x
                claimant: {name: P, kind: person}
                made: {text: on Wednesday, date: 2023-11-08}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a3, attribution: paraphrase, quote: "x", place: Beijing, dates: [on Wednesday]}
              - id: fourth
                statement: x
                claimant: {name: P, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                links: {same_as: [third, second]}
                appearances:
                  - {source: wire, attribution: reported, quote: "x"}
              - id: alone
                statement: x
                claimant: {name: P, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a1, attribution: paraphrase, quote: "x", place: Paris}
                  - {source: a2, attribution: paraphrase, quote: "x", place: Rome}
            """);

        foreach (var id in new[] { "first", "second", "third", "fourth" })
        {
            var c = Claim(facts, id);
            Assert.Equal("first", c.Group);
            Assert.Equal(4, c.GroupClaims);
            Assert.Equal(4, c.GroupAppearances);
            Assert.Equal(4, c.GroupSources);
            // wire and a1 are one lineage (derived_from), a2 and a3 another (credits).
            Assert.Equal(2, c.GroupLineages);
            Assert.Null(c.Lineage);
            // "Moscow" and "moscow." are one place.
            Assert.Equal(2, c.Places);
            // "likely" and the flat statements of the attributed printings (the reported one included).
            Assert.Equal(2, c.Hedges);
            Assert.Equal(1, c.GroupRelayed);
            Assert.Equal(2, c.GroupDateMentions);
        }

        var alone = Claim(facts, "alone");
        Assert.Equal(("alone", 1, 2, 2, 0), (alone.Group, alone.GroupClaims, alone.GroupSources, alone.Places, alone.Hedges));
        Assert.All(facts.OfType<AppearanceFact>().Where(a => a.ClaimId != "alone"), a => Assert.Equal("first", a.ClaimGroup));
    }

    [Fact]
    public void A_claim_printed_many_times_counts_distinct_values_past_the_short_list()
    {
        // 40 printings: 20 places, two wordings, every source its own lineage but the four named ones.
        var yaml = new StringBuilder(Sources.Replace("sources:\n", "sources:\n" + string.Concat(
            Enumerable.Range(0, 40).Select(i => $"  - {{id: s{i}, kind: article, outlet: O{i}, authors: [W], published: 2023-11-08}}\n")), StringComparison.Ordinal));
        yaml.Append("\nclaims:\n  - id: many\n    statement: x\n    claimant: {name: P, kind: person}\n    stances: [{proposition: p.x, stance: asserts}]\n    appearances:\n");
        for (var i = 0; i < 40; i++)
        {
            var quote = i % 3 == 0 ? "we are not building an alliance today" : "we are not building an alliance";
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{source: s{i}, attribution: direct-quote, quote: \"{quote}\", place: Place {i % 20}, audience: Audience {i}}}\n");
        }

        var loaded = ClaimsLoader.LoadText(yaml.ToString(), "many.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var facts = FactProjection.Project(loaded.ClaimSet);

        var claim = Claim(facts, "many");
        Assert.Equal((40, 40, 40, 20, 40, 2), (claim.GroupAppearances, claim.GroupSources, claim.GroupLineages, claim.Places, claim.Audiences, claim.Wordings));
        var appearances = facts.OfType<AppearanceFact>().ToList();
        Assert.Equal(["we are not building an alliance today", "we are not building an alliance"], appearances.Where(a => a.FirstOfWording).Select(a => a.QuoteKey));
        Assert.Equal([1, 2], appearances.Where(a => a.FirstOfWording).Select(a => a.Index));
        Assert.All(appearances.Where(a => a.FirstOfWording), a => Assert.Equal(1, a.WordingSpeakers));
    }

    [Fact]
    public void A_wording_given_to_several_claimants_is_marked_once_with_their_count()
    {
        var facts = Project("""
              - id: one
                statement: x
                claimant: {name: Alice, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a1, attribution: paraphrase, quote: "the port fee will double"}
                  - {source: a2, attribution: direct-quote, quote: "The port fee will double."}
              - id: two
                statement: x
                claimant: {name: Bob, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a3, attribution: direct-quote, quote: "the port fee will double"}
              - id: three
                statement: x
                claimant: {name: Alice, kind: person}
                stances: [{proposition: p.x, stance: asserts}]
                appearances:
                  - {source: a1, attribution: direct-quote, quote: "the port fee WILL double!"}
                  - {source: a2, attribution: direct-quote, quote: "fee doubles"}
            """);

        var marked = facts.OfType<AppearanceFact>().Where(a => a.FirstOfWording).Select(a => (a.ClaimId, a.Index, a.WordingSpeakers)).ToList();
        Assert.Equal([("one", 2, 2)], marked);
        // A paraphrase quotes no words; "fee doubles" is too short to be a wording of its own.
        Assert.Null(facts.OfType<AppearanceFact>().Single(a => a is { ClaimId: "one", Index: 1 }).QuoteKey);
        Assert.Null(facts.OfType<AppearanceFact>().Single(a => a is { ClaimId: "three", Index: 2 }).QuoteKey);
        // Entailed stances follow the claim's own, each naming the proposition it came from.
        Assert.Equal(6, facts.OfType<StanceFact>().Count());
        Assert.Equal(3, facts.OfType<StanceFact>().Count(s => s is { Proposition: "p.y", Via: "p.x" }));
    }

    [Fact]
    public void Claims_projected_in_chunks_come_out_in_file_order_as_from_one_pass()
    {
        // Enough claims for several chunks; every fifth claim in a same_as pair with the one before it.
        var claims = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            claims.Append(CultureInfo.InvariantCulture, $"  - id: c{i}\n    statement: s\n    claimant: {{name: P{i % 7}, kind: person}}\n");
            claims.Append(CultureInfo.InvariantCulture, $"    made: {{text: on Wednesday, date: 2023-11-0{8 + i % 2}}}\n");
            claims.Append("    stances: [{proposition: p.x, stance: asserts}]\n    appearances:\n");
            claims.Append(CultureInfo.InvariantCulture, $"      - {{source: a{1 + i % 3}, attribution: direct-quote, quote: \"the talks on item {i % 50} went well\", dates: [on Wednesday]}}\n");
            if (i % 5 == 4) claims.Append(CultureInfo.InvariantCulture, $"    links: {{same_as: [c{i - 1}]}}\n");
        }

        var facts = Project(claims.ToString());

        var order = facts.OfType<ClaimFact>().Select(c => c.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"c{i}"), order);
        // Each claim's facts directly follow it: its stances, appearances and dates, in that order.
        var owner = string.Empty;
        foreach (var fact in facts.SkipWhile(f => f is not ClaimFact))
        {
            if (fact is ClaimFact c) owner = c.Id;
            else Assert.Equal(owner, fact switch { StanceFact s => s.ClaimId, AppearanceFact a => a.ClaimId, DateMentionFact d => d.ClaimId, ClaimLinkFact l => l.From, _ => "?" });
        }

        Assert.Equal("c3", Claim(facts, "c4").Group);
        Assert.Equal(2, Claim(facts, "c4").GroupClaims);
        Assert.Equal(4, Claim(facts, "c3").GroupDateMentions);
        // 50 wordings, each first given by claim c{n} for n < 50; P0..P6 speak them in turn, so each has all seven.
        var firsts = facts.OfType<AppearanceFact>().Where(a => a.FirstOfWording).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"c{i}"), firsts.Select(a => a.ClaimId));
        Assert.All(firsts, a => Assert.Equal(7, a.WordingSpeakers));
    }

    [Fact]
    public void Claims_with_one_id_count_as_one_group()
    {
        var at = Location.None;
        var claim = new Claim(
            "dup", "x", new Claimant("P", ClaimantKind.Person, null, at), null, [],
            [new Appearance(new Reference("a1", at), AttributionKind.Paraphrase, "x", null, null, [], at, Place: "Here")],
            [], new Review(ReviewStatus.Unreviewed, null, null, at), ClaimLinks.Empty, [], null, at);
        var other = claim with { Appearances = [claim.Appearances[0] with { Source = new Reference("a2", at), Place = "There" }] };
        var set = ClaimsLoader.LoadText(Sources, "sources.yaml").ClaimSet;

        var facts = FactProjection.Project(set with { Claims = [claim, other] });

        Assert.All(facts.OfType<ClaimFact>(), c => Assert.Equal((2, 2, 2), (c.GroupClaims, c.GroupSources, c.Places)));
    }
}
