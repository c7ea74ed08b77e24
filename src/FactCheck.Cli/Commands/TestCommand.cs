using System.CommandLine;
using FactCheck.Engine;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Configuration;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck test</c>: run the tests written beside the rules.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var rules = new Option<string?>("--rules") { Description = "The rules folder or file. Default: factcheck.yaml's, else rules/ beside claims/, else the bundled pack." };
        var engine = EngineOption.Create();
        var command = new Command("test", "Run the rule tests written in the rule files ('tests:'), and report mismatches with positions.") { rules, engine };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var engineChoice = EngineOption.Resolve(parse.GetValue(engine));
            var project = Project.Discover(CliContext.WorkingDirectory);
            foreach (var diagnostic in project.Diagnostics) output.WriteLine(diagnostic.ToString());
            if (project.Diagnostics.Count > 0) return ExitCodes.InvalidInput;
            if (project.Rules(parse.GetValue(rules)) is { } path) return Run(RulePackLoader.Load([path], CliContext.WorkingDirectory), output, engineChoice);
            parse.InvocationConfiguration.Error.WriteLine($"factcheck: no rules folder found; testing the rule pack bundled with FactCheck {Checking.CheckRunner.ToolVersion}");
            return BundledRules.Load(pack => Run(pack, output, engineChoice));
        });
        return command;
    }

    private static int Run(RulePack pack, TextWriter output, IRuleEngine engine)
    {
        foreach (var diagnostic in pack.Diagnostics) output.WriteLine(diagnostic.ToString());
        if (pack.HasErrors) return ExitCodes.InvalidInput;

        var results = RuleTestRunner.Run(pack, engine);
        foreach (var result in results.Where(r => !r.Passed))
        {
            output.WriteLine($"{result.Location}: FAIL {result.Name}");
            foreach (var failure in result.Failures) output.WriteLine($"    {failure}");
        }

        var failed = results.Count(r => !r.Passed);
        output.WriteLine($"{results.Count - failed} passed, {failed} failed ({pack.Rules.Count} rules, {results.Count} tests)");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Findings;
    }
}
