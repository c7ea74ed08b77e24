using System.CommandLine;
using FactCheck.Engine;
using FactCheck.Engine.NRules;

namespace FactCheck.Cli.Checking;

/// <summary>The <c>--engine</c> option of <c>check</c> and <c>test</c>: which rule engine runs the rules.</summary>
internal static class EngineOption
{
    /// <summary>
    /// The built-in engine is the default: on the engine benchmark NRules takes 5× its CPU time at 1,000 claims and
    /// 46× at 10,000 (docs/engine.md has the table); both give the same findings.
    /// </summary>
    public const string Default = "factcheck";

    public static Option<string> Create()
    {
        var option = new Option<string>("--engine")
        {
            Description = "The rule engine: factcheck (built in, the faster) or nrules. Both give the same findings.",
            DefaultValueFactory = _ => Default,
        };
        option.AcceptOnlyFromAmong("factcheck", "nrules");
        return option;
    }

    public static IRuleEngine Resolve(string? name) => name == "nrules" ? NRulesEngine.Instance : RuleEngine.Default;
}
