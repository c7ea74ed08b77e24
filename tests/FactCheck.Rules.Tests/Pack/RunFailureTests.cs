using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>Rules that fail at run time: they become rule errors tied to the rule and the fact, and other rules still run.</summary>
public sealed class RunFailureTests : IDisposable
{
    private const string Claims = """
        sources: [{id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08}]
        propositions: [{key: p.x, description: x}]
        claims:
          - {id: c1, statement: x, claimant: {name: P, kind: person}, stances: [{proposition: p.x, stance: asserts}], appearances: [{source: s1, attribution: paraphrase, quote: q}]}
          - {id: c2, statement: yes, claimant: {name: Q, kind: person}, stances: [{proposition: p.x, stance: asserts}], appearances: [{source: s1, attribution: paraphrase, quote: q}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)] // the looping rule alone in its own session: the other still completes
    public void A_rule_that_never_stops_is_reported_by_name_at_its_position(int sessions)
    {
        var pack = Pack("""
            rules:
              - id: loop.grow
                title: Grows forever
                severity: info
                description: Each derived stance derives another.
                when:
                  - s: Stance
                then:
                  - insert: {type: Stance, from: s, set: {Proposition: "s.Proposition + '.x'", Via: s.Proposition}}
              - id: ok.flag
                title: Flags claims
                severity: info
                description: Still runs.
                when:
                  - c: Claim
                then:
                  - flag: "{c.Id}"
            """);

        var result = RuleRunner.Run(pack, LoadClaims(), maxFirings: 5_000, parallelism: sessions);

        // The loop also grows the derived text past its limit on the way: both errors name the rule.
        Assert.All(result.Errors, e => Assert.Equal("loop.grow", e.RuleId));
        var error = Assert.Single(result.Errors, e => e.Message.Contains("did not stop", StringComparison.Ordinal));
        if (sessions > 1)
        {
            // In a session of its own, the healthy rule is not starved by the loop's firings.
            Assert.Equal(["c1", "c2"], result.Findings.Where(f => f.RuleId == "ok.flag").Select(f => f.Message));
        }
        Assert.Equal("loop.grow", error.RuleId);
        Assert.Equal((2, 5), (error.RuleLine, error.RuleColumn));
        Assert.Contains("did not stop", error.Message);
    }

    [Fact]
    public void A_condition_that_fails_on_one_fact_is_a_rule_error_and_other_facts_still_match()
    {
        var pack = Pack("""
            rules:
              - id: div.zero
                title: Divides by zero for one claim
                severity: warning
                description: Fails on c1 only.
                when:
                  - c: Claim
                    where: 10 / (len(c.Statement) - 1) > 0 || c.Id == 'c2'
                then:
                  - flag: "{c.Id}"
            """);

        var result = RuleRunner.Run(pack, LoadClaims());

        var error = Assert.Single(result.Errors);
        Assert.Equal("div.zero", error.RuleId);
        Assert.Contains("division by zero", error.Message);
        Assert.StartsWith("rules.yaml:8:", error.Message);
        Assert.Equal("claim:c1", Assert.Single(error.FactKeys));
        Assert.Equal("c2", Assert.Single(Assert.Single(result.Findings).ClaimIds));
    }

    private RulePack Pack(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "rules.yaml"), yaml);
        var pack = RulePackLoader.Load(["rules.yaml"], _dir);
        Assert.Empty(pack.Diagnostics);
        return pack;
    }

    private Claims.Model.ClaimSet LoadClaims()
    {
        var loaded = ClaimsLoader.LoadText(Claims, "claims.yaml", _dir);
        Assert.Empty(loaded.Diagnostics);
        return loaded.ClaimSet;
    }
}
