namespace FactCheck.Engine.NRules.Tests;

/// <summary>The two engines, for theories that hold on both.</summary>
public static class Engines
{
    public static TheoryData<string> Names() => ["factcheck", "nrules"];

    public static IRuleEngine Get(string name) => name == "nrules" ? NRulesEngine.Instance : RuleEngine.Default;
}
