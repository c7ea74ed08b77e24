using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Engine.NRules.Tests;

/// <summary>
/// Rules that fail at run time give the same positioned rule errors (and the same findings around them) on both
/// engines: throwing conditions over one fact and over a join, a throwing aggregate selector, a throwing action, and
/// a loop stopped by the firing limit.
/// </summary>
public sealed class SameRuleErrorsTests : IDisposable
{
    private const string Claims = """
        sources: [{id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08}, {id: s2, kind: article, outlet: P, authors: [B], published: 2023-11-09}]
        propositions: [{key: p.x, description: x}]
        claims:
          - {id: c1, statement: x, claimant: {name: P, kind: person}, stances: [{proposition: p.x, stance: asserts}], appearances: [{source: s1, attribution: paraphrase, quote: q}]}
          - {id: c2, statement: yes, claimant: {name: Q, kind: person}, stances: [{proposition: p.x, stance: denies}], appearances: [{source: s1, attribution: paraphrase, quote: q}, {source: s2, attribution: direct-quote, quote: qq}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-engines-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Throwing_conditions_selectors_and_actions_give_the_same_rule_errors()
    {
        var (factcheck, nrules) = RunBoth("""
            rules:
              - id: div.alpha
                title: Divides by zero for one claim
                severity: warning
                description: Fails on c1 only.
                when:
                  - c: Claim
                    where: 10 / (len(c.Statement) - 1) > 0 || c.Id == 'c2'
                then:
                  - flag: "{c.Id}"
              - id: div.join
                title: Divides by zero in a join
                severity: warning
                description: Fails on the pairs where the second quote is one longer.
                when:
                  - a: Appearance
                  - b: Appearance
                    where: b.ClaimId == a.ClaimId && b.Index != a.Index && 10 / (len(b.Quote) - len(a.Quote) - 1) != 0
                then:
                  - flag: "{a.ClaimId}"
              - id: div.selector
                title: Divides by zero in a min
                severity: info
                description: The selector fails on one appearance.
                when:
                  - c: Claim
                  - min: n
                    of: {a: Appearance, where: a.ClaimId == c.Id}
                    select: 10 / (len(a.Quote) - 1)
                    where: n != null
                then:
                  - flag: "{c.Id} {n}"
              - id: div.action
                title: Divides by zero in its message
                severity: info
                description: The action fails for c1.
                when:
                  - c: Claim
                then:
                  - flag: "{10 / (len(c.Statement) - 1)}"
            """);

        Assert.Equal(4, factcheck.Errors.Select(e => e.RuleId).Distinct().Count());
        Assert.Equal(factcheck.Errors, nrules.Errors, RuleErrorComparer.Instance);
        Assert.Equal(Findings(factcheck), Findings(nrules));
    }

    [Fact]
    public void A_loop_is_stopped_with_the_same_rule_error()
    {
        var (factcheck, nrules) = RunBoth("""
            rules:
              - id: loop.grow
                title: Grows forever
                severity: info
                description: Each derived stance derives another.
                when:
                  - s: Stance
                then:
                  - insert: {type: Stance, from: s, set: {Proposition: "s.Proposition + '.x'", Via: s.Proposition}}
            """, maxFirings: 500);

        var error = Assert.Single(factcheck.Errors);
        Assert.Equal("loop.grow", error.RuleId);
        Assert.Contains("did not stop: 500 firings", error.Message);
        Assert.Equal(factcheck.Errors, nrules.Errors, RuleErrorComparer.Instance);
    }

    [Fact]
    public void Partitioned_runs_give_the_same_findings_on_both_engines()
    {
        // Rules that cannot affect each other run in sessions side by side (as on large inputs); each session compiles
        // its own subset on the chosen engine.
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root);
        var pack = RulePackLoader.Load(["rules"], RepositoryPaths.Root);
        var factcheck = RuleRunner.Run(pack, claims.ClaimSet, parallelism: 3, engine: RuleEngine.Default);
        var nrules = RuleRunner.Run(pack, claims.ClaimSet, parallelism: 3, engine: NRulesEngine.Instance);
        Assert.NotEmpty(factcheck.Findings);
        Assert.Equal(Findings(RuleRunner.Run(pack, claims.ClaimSet)), Findings(factcheck));
        Assert.Equal(Findings(factcheck), Findings(nrules));
        Assert.Equal(factcheck.Firings, nrules.Firings);
    }

    private (RunResult FactCheck, RunResult NRules) RunBoth(string rules, int? maxFirings = null)
    {
        File.WriteAllText(Path.Combine(_dir, "rules.yaml"), rules);
        var pack = RulePackLoader.Load(["rules.yaml"], _dir);
        Assert.Empty(pack.Diagnostics);
        var claims = ClaimsLoader.LoadText(Claims, "claims.yaml", _dir);
        Assert.Empty(claims.Diagnostics);
        return (
            RuleRunner.Run(pack, claims.ClaimSet, maxFirings: maxFirings, engine: RuleEngine.Default),
            RuleRunner.Run(pack, claims.ClaimSet, maxFirings: maxFirings, engine: NRulesEngine.Instance));
    }

    private static List<string> Findings(RunResult result) =>
        result.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.RuleId} {f.Message} [{string.Join(",", f.FactKeys)}]").ToList();

    private sealed class RuleErrorComparer : IEqualityComparer<RuleError>
    {
        public static readonly RuleErrorComparer Instance = new();

        public bool Equals(RuleError? x, RuleError? y) =>
            x is not null && y is not null && Describe(x) == Describe(y);

        public int GetHashCode(RuleError obj) => Describe(obj).GetHashCode(StringComparison.Ordinal);

        private static string Describe(RuleError e) =>
            $"{e.RuleId} {e.RuleFile}:{e.RuleLine}:{e.RuleColumn} {e.Message} at {e.FactFile}:{e.FactLine}:{e.FactColumn} [{string.Join(",", e.FactKeys)}]";
    }
}
