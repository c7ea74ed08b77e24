using System.CommandLine;
using FactCheck.Cli.Checking;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck test</c>: run the tests written beside the rules.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var rules = new Option<string>("--rules") { Description = "The rules folder or file.", DefaultValueFactory = _ => "rules" };
        var engine = EngineOption.Create();
        var command = new Command("test", "Run the rule tests written in the rule files ('tests:'), and report mismatches with positions.") { rules, engine };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var pack = RulePackLoader.Load([parse.GetValue(rules)!], CliContext.WorkingDirectory);
            foreach (var diagnostic in pack.Diagnostics) output.WriteLine(diagnostic.ToString());
            if (pack.HasErrors) return ExitCodes.InvalidInput;

            var results = RuleTestRunner.Run(pack, EngineOption.Resolve(parse.GetValue(engine)));
            foreach (var result in results.Where(r => !r.Passed))
            {
                output.WriteLine($"{result.Location}: FAIL {result.Name}");
                foreach (var failure in result.Failures) output.WriteLine($"    {failure}");
            }

            var failed = results.Count(r => !r.Passed);
            output.WriteLine($"{results.Count - failed} passed, {failed} failed ({pack.Rules.Count} rules, {results.Count} tests)");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });
        return command;
    }
}
