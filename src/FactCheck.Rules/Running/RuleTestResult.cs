using FactCheck.Claims.Model;

namespace FactCheck.Rules.Running;

/// <summary>The outcome of one rule test: empty <see cref="Failures"/> means it passed.</summary>
public sealed record RuleTestResult(string Name, Location Location, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
