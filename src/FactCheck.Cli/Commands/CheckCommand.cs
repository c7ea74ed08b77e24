using FactCheck.Claims.Diagnostics;
using System.CommandLine;
using FactCheck.Claims.Loading;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck check</c>: run the rules on the claims, print findings, record the run.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "The claims folder or file.", DefaultValueFactory = _ => "claims" };
        var rules = new Option<string>("--rules") { Description = "The rules folder or file.", DefaultValueFactory = _ => "rules" };
        var db = new Option<string?>("--db") { Description = $"The SQLite report to record the run in. Default: {ReportOptions.DefaultReportName} beside the claims folder." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not record the run in a report." };
        var format = new Option<string?>("--format") { Description = "Output format. Default: text, or github when GITHUB_ACTIONS=true." };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the exit code 1.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var baseline = new Option<string?>("--baseline") { Description = "A run id in the report, or another report file: only findings new since it fail the run." };
        var only = new Option<string[]>("--rule") { Description = "Run only this rule (repeatable).", AllowMultipleArgumentsPerToken = true };
        var display = DisplayOptions.Create();

        var command = new Command("check", "Run the rules on the claims: print findings, record the run in the SQLite report, exit non-zero on findings.")
        {
            claims, rules, db, noReport, format, output, failOn, baseline, only,
        };
        display.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var baseDirectory = CliContext.WorkingDirectory;
            var claimsPath = parse.GetValue(claims)!;
            var database = parse.GetValue(noReport) ? null
                : parse.GetValue(db) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(claimsPath, baseDirectory).TrimEnd('/')) ?? ".", ReportOptions.DefaultReportName);
            var options = new CheckOptions(
                claimsPath,
                parse.GetValue(rules)!,
                database,
                parse.GetValue(baseline),
                parse.GetValue(failOn) switch
                {
                    "never" => null,
                    var s => KebabCase.TryParse<RuleSeverity>(s!, out var severity) ? severity : RuleSeverity.Error,
                },
                parse.GetValue(only) ?? []);

            // Display options are checked before the run, so a usage error records nothing.
            var chosen = parse.GetValue(format)
                ?? (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "text");
            var outputPath = parse.GetValue(output);
            if (display.Read(parse, chosen, toFile: outputPath is not null, stdout, stderr) is not { } textOptions) return ExitCodes.InvalidInput;

            CheckOutcome outcome;
            try
            {
                // Progress only for a person watching: stderr must be the real terminal.
                Action<string>? progress = !textOptions.Quiet && stderr == Console.Error && !Console.IsErrorRedirected
                    ? message => stderr.WriteLine($"factcheck: {message}...")
                    : null;
                outcome = CheckRunner.Run(options, baseDirectory, progress);
            }
            catch (CheckUsageException ex)
            {
                stderr.WriteLine($"factcheck check: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var formatter = OutputFormats.Create(chosen, textOptions);
            var timer = new PhaseTimer();
            if (outputPath is null)
            {
                formatter.Write(outcome, stdout);
            }
            else
            {
                using var file = new StreamWriter(CliContext.FullPath(outputPath), append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                formatter.Write(outcome, file);
                if (!textOptions.Quiet) stderr.WriteLine($"factcheck: wrote {chosen} output to {outputPath}");
            }

            timer.Mark($"write {chosen} output");

            if (database is not null && outcome.ExitCode != ExitCodes.InternalError && !textOptions.Quiet)
            {
                stderr.WriteLine($"factcheck: recorded the run in {ClaimsLoader.Display(Path.GetFullPath(database, baseDirectory), baseDirectory)}");
            }

            return outcome.ExitCode;
        });
        return command;
    }
}
