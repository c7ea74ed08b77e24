using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>
/// Rules from a pull request cannot make a run grow without bound: each limit stops it early with an error that names
/// the rule and the limit.
/// </summary>
public sealed class ResourceLimitTests : IDisposable
{
    private const string Pairwise = """
        rules:
          - id: pairs.opposite
            title: Every assertion against every denial
            severity: warning
            description: Pairs all stances on one proposition.
            when:
              - a: Stance
                where: a.Polarity == 'asserts'
              - b: Stance
                where: b.Proposition == a.Proposition && b.Polarity == 'denies'
            then:
              - flag: "{a.ClaimId} vs {b.ClaimId}"
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_pairwise_join_stops_at_the_partial_match_limit_before_building_every_pair()
    {
        var pack = Pack(Pairwise);
        var claims = Opposites(300);

        var result = RuleRunner.Run(pack, claims, maxPartialMatches: 10_000);

        var error = Assert.Single(result.Errors);
        Assert.Equal("pairs.opposite", error.RuleId);
        Assert.Equal((2, 5), (error.RuleLine, error.RuleColumn));
        Assert.Contains("10,000 partial matches", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did not stop", error.Message, StringComparison.Ordinal);
        // The session stopped part-way: no partial findings pretend to be the run's.
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void The_same_join_under_the_limit_finds_every_pair()
    {
        var result = RuleRunner.Run(Pack(Pairwise), Opposites(30));

        Assert.Empty(result.Errors);
        Assert.Equal(900, result.Findings.Count);
    }

    [Fact]
    public void A_rule_that_only_reports_is_not_said_to_loop_when_it_reaches_the_firing_limit()
    {
        var result = RuleRunner.Run(Pack(Pairwise), Opposites(100), maxFirings: 1_000);

        var error = Assert.Single(result.Errors);
        Assert.Equal("pairs.opposite", error.RuleId);
        Assert.Contains("derives nothing, so it is not looping", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did not stop", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("inserts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_holes_of_a_long_text_is_refused_before_it_is_built()
    {
        File.WriteAllText(Path.Combine(_dir, "long.txt"), new string('w', 5_000));
        var pack = Pack("""
            rules:
              - id: print.text
                title: Prints the text
                severity: info
                description: Ten holes of the source text.
                when:
                  - s: Source
                then:
                  - flag: "{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}{s.Text}"
            """);
        var claims = Load("sources: [{id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08, text: long.txt}]\n");

        var result = RuleRunner.Run(pack, claims);

        var error = Assert.Single(result.Errors);
        Assert.Equal("print.text", error.RuleId);
        Assert.Contains("the message would be 50,000 characters; the limit is 10,000", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_rule_deriving_ever_longer_text_is_stopped_by_the_text_limits()
    {
        var pack = Pack("""
            rules:
              - id: grow.text
                title: Grows the proposition
                severity: info
                description: Each derived stance derives a longer one.
                when:
                  - s: Stance
                then:
                  - insert: {type: Stance, from: s, set: {Proposition: "s.Proposition + s.Proposition"}}
            """);

        var result = RuleRunner.Run(pack, Opposites(2));

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("grow.text", e.RuleId));
        Assert.Contains(result.Errors, e => e.Message.Contains("the limit is 10,000", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_of_one_rule_are_capped_with_a_count_of_the_rest()
    {
        var pack = Pack("""
            rules:
              - id: div.zero
                title: Divides by zero
                severity: info
                description: Fails on every claim.
                when:
                  - c: Claim
                    where: 1 / (c.Appearances - 1) == 0
                then:
                  - flag: "{c.Id}"
            """);

        var result = RuleRunner.Run(pack, Opposites(30));

        Assert.Equal(RuleRunner.MaxErrorsPerRule + 1, result.Errors.Count);
        Assert.Equal("and 40 more errors of rule 'div.zero' (only the first 20 are listed)", result.Errors[^1].Message);
    }

    private RulePack Pack(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "rules.yaml"), yaml);
        var pack = RulePackLoader.Load(["rules.yaml"], _dir);
        Assert.Empty(pack.Diagnostics);
        return pack;
    }

    /// <summary><paramref name="n"/> claims asserting one proposition and <paramref name="n"/> denying it.</summary>
    private Claims.Model.ClaimSet Opposites(int n)
    {
        var yaml = new StringBuilder("sources: [{id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08}]\npropositions: [{key: p.x, description: x}]\nclaims:\n");
        for (var i = 0; i < 2 * n; i++)
        {
            yaml.Append($"  - {{id: c{i}, statement: s{i}, claimant: {{name: P{i}, kind: person}}, stances: [{{proposition: p.x, stance: {(i < n ? "asserts" : "denies")}}}], appearances: [{{source: s1, attribution: paraphrase, quote: q}}]}}\n");
        }

        return Load(yaml.ToString());
    }

    private Claims.Model.ClaimSet Load(string yaml)
    {
        var loaded = ClaimsLoader.LoadText(yaml, "claims.yaml", _dir);
        Assert.Empty(loaded.Diagnostics);
        return loaded.ClaimSet;
    }
}
