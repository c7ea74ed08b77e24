using FactCheck.Claims.Loading;
using FactCheck.Engine;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Running;

/// <summary>Runs the <c>tests:</c> written beside rules: each test's inline claims through the whole pack.</summary>
public static class RuleTestRunner
{
    /// <param name="engine">The engine the rules run on (the built-in one by default).</param>
    public static IReadOnlyList<RuleTestResult> Run(RulePack pack, IRuleEngine? engine = null)
    {
        var results = new List<RuleTestResult>();
        foreach (var test in pack.Tests)
        {
            results.Add(RunOne(pack, test, engine));
        }

        return results;
    }

    private static RuleTestResult RunOne(RulePack pack, RuleTestCase test, IRuleEngine? engine)
    {
        var failures = new List<string>();
        var loaded = ClaimsLoader.LoadNode(test.Claims, test.Location.File, test.Directory);
        if (loaded.HasErrors)
        {
            failures.AddRange(loaded.Diagnostics.Select(d => $"invalid inline claims: {d}"));
            return new RuleTestResult(test.Name, test.Location, failures);
        }

        var known = pack.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        known.Add(RuleRunner.UnknownSuppressionRule);
        known.Add(RuleRunner.UnusedSuppressionRule);
        foreach (var expectation in test.Expect.Concat(test.ExpectNot))
        {
            if (!known.Contains(expectation.Rule.Id))
            {
                failures.Add($"{expectation.Rule.Location}: no rule has the id '{expectation.Rule.Id}'{Claims.Diagnostics.Suggestions.DidYouMean(expectation.Rule.Id, known)}");
            }
        }

        var run = RuleRunner.Run(pack, loaded.ClaimSet, engine: engine);
        foreach (var error in run.Errors)
        {
            failures.Add($"rule error: {error.RuleId}: {error.Message}");
        }

        foreach (var expectation in test.Expect)
        {
            var count = Matching(run.Findings, expectation);
            var ok = expectation.Count is { } n ? count == n : count > 0;
            if (!ok)
            {
                failures.Add($"{expectation.Location}: expected {Describe(expectation)}, found {count}{Found(run.Findings)}");
            }
        }

        foreach (var expectation in test.ExpectNot)
        {
            var count = Matching(run.Findings, expectation);
            if (count > 0)
            {
                failures.Add($"{expectation.Location}: expected no finding of {expectation}, found {count}{Found(run.Findings)}");
            }
        }

        return new RuleTestResult(test.Name, test.Location, failures);
    }

    private static int Matching(IReadOnlyList<Finding> findings, RuleTestExpectation expectation) =>
        findings.Count(f => f.RuleId == expectation.Rule.Id && (expectation.Claim is null || f.ClaimIds.Contains(expectation.Claim)));

    private static string Describe(RuleTestExpectation e) =>
        e.Count is { } n ? $"{n} finding(s) of {e.Rule.Id}{(e.Claim is null ? "" : $" on claim '{e.Claim}'")}" : $"a finding of {e}";

    private static string Found(IReadOnlyList<Finding> findings) =>
        findings.Count == 0 ? " (the rules found nothing)" : $" (found: {string.Join("; ", findings.Select(f => $"{f.RuleId} on {string.Join(",", f.ClaimIds)}"))})";
}
