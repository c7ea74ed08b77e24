using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FactCheck.Cli.Output;

/// <summary>
/// What <c>--help</c> adds after the options: examples for the command, and the exit codes (which CI
/// scripts depend on, so they are one <c>--help</c> away rather than only in the docs).
/// </summary>
internal static class HelpText
{
    public const string ExitCodes = """
        Exit codes:
          0  success: no finding at or above --fail-on (new against the baseline, if one is given)
          1  findings at or above --fail-on (check), or failing rule tests (test)
          2  invalid input: claims or rules with errors, a rule that failed at run time, a bad command line
          3  internal error, or a report file that cannot be used
        """;

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["factcheck"] = """
            Examples:
              factcheck validate                     check the claims files in claims/
              factcheck check                        run the rules, print errors and warnings, record the run
              factcheck report                       what the last run found, and what changed
              factcheck query "SELECT * FROM latest_findings"
            """,
        ["validate"] = """
            Examples:
              factcheck validate                     every claims file under claims/
              factcheck validate claims/putin.yaml   one file (ids it references elsewhere are reported)
            """,
        ["check"] = """
            Examples:
              factcheck check                              errors and warnings, grouped by rule
              factcheck check --min-severity info          every finding, info ones too
              factcheck check -q --fail-on warning         one line per finding; fail on warnings
              factcheck check --statistics                 findings per rule
              factcheck check --format sarif -o out.sarif  for GitHub code scanning
              factcheck check --baseline 12                fail only on findings new since run 12
            """,
        ["test"] = """
            Examples:
              factcheck test                               run the tests: in every rule file
            """,
        ["report"] = """
            Examples:
              factcheck report                             the latest run and what changed since the one before
              factcheck report --run 3 --format json       one run, for scripts
            """,
        ["query"] = """
            Examples:
              factcheck query "SELECT rule_id, COUNT(*) FROM latest_findings GROUP BY rule_id"
              factcheck query "SELECT * FROM runs" --format csv
            """,
    };

    /// <summary>Adds the examples and exit codes to the help of <paramref name="root"/> and its commands.</summary>
    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (help?.Action is HelpAction action) help.Action = new WithEpilogue(action);
    }

    /// <summary>The standard help, then ours (the help builder's layout hooks are not public in this version).</summary>
    private sealed class WithEpilogue(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            var command = parseResult.CommandResult.Command;
            var name = command is RootCommand ? "factcheck" : command.Name;
            if (Examples.TryGetValue(name, out var examples)) output.Write(examples.ReplaceLineEndings("\n") + "\n\n");
            output.Write(ExitCodes.ReplaceLineEndings("\n") + "\n\n");
            return code;
        }
    }
}
