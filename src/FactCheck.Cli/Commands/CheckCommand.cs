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
        var db = new Option<string?>("--db") { Description = $"The SQLite report to record the run in. Default: {ReportOptions.DefaultReportName} at the root of the repository (the working folder outside one)." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not record the run in a report." };
        var format = new Option<string?>("--format") { Description = "Output format. Default: text, or github when GITHUB_ACTIONS=true." };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the exit code 1.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var baseline = new Option<string?>("--baseline") { Description = "A run id in the report, or another report file: only findings new since it fail the run." };
        var only = new Option<string[]>("--rule") { Description = "Run only this rule (repeatable).", AllowMultipleArgumentsPerToken = true };
        var maxFirings = new Option<int?>("--max-firings") { Description = "Rule firings allowed per session (default: 50 per fact, at least 100,000)." };
        var maxMatches = new Option<int?>("--max-partial-matches") { Description = "Partial matches the engine may build per session (default: 10 per fact, at least 2,000,000)." };
        foreach (var limit in new[] { maxFirings, maxMatches })
        {
            limit.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is < 1) result.AddError($"{result.Option.Name} must be at least 1");
            });
        }

        var command = new Command("check", "Run the rules on the claims: print findings, record the run in the SQLite report, exit non-zero on findings.")
        {
            claims, rules, db, noReport, format, output, failOn, baseline, only, maxFirings, maxMatches,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var baseDirectory = CliContext.WorkingDirectory;
            var claimsPath = parse.GetValue(claims)!;
            var database = parse.GetValue(noReport) ? null
                : parse.GetValue(db) ?? ReportOptions.DefaultPath();
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
                parse.GetValue(only) ?? [],
                parse.GetValue(maxFirings),
                parse.GetValue(maxMatches));

            var outputPath = parse.GetValue(output);
            var outputFull = outputPath is null ? null : CliContext.FullPath(outputPath);
            ReportNotRecordedException? notRecorded = null;
            CheckOutcome outcome;
            try
            {
                if (outputFull is not null) OutputFile.CheckTarget(outputFull, outputPath!);
                // Progress only for a person watching: stderr must be the real terminal.
                Action<string>? progress = stderr == Console.Error && !Console.IsErrorRedirected
                    ? message => stderr.WriteLine($"factcheck: {message}...")
                    : null;
                outcome = CheckRunner.Run(options, baseDirectory, progress);
            }
            catch (CheckUsageException ex)
            {
                stderr.WriteLine($"factcheck check: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (OutputFileException ex)
            {
                stderr.WriteLine($"factcheck check: {ex.Message}");
                return ex.ExitCode;
            }
            catch (ReportNotRecordedException ex)
            {
                // The findings and SARIF still go out: CI must not lose them because the report file is broken.
                outcome = ex.Outcome;
                notRecorded = ex;
            }

            var chosen = parse.GetValue(format)
                ?? (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "text");
            var color = outputPath is null && stdout == Console.Out && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            var formatter = OutputFormats.Create(chosen, color);
            var timer = new PhaseTimer();
            if (outputPath is null)
            {
                formatter.Write(outcome, stdout);
            }
            else
            {
                try
                {
                    OutputFile.Write(outputFull!, outputPath, file => formatter.Write(outcome, file));
                }
                catch (OutputFileException ex)
                {
                    stderr.WriteLine($"factcheck check: {ex.Message}");
                    if (notRecorded is not null) stderr.WriteLine($"factcheck: the run was not recorded: {notRecorded.Message}");
                    return ex.ExitCode;
                }

                stderr.WriteLine($"factcheck: wrote {chosen} output to {outputPath}");
            }

            timer.Mark($"write {chosen} output");
            if (notRecorded is not null)
            {
                stderr.WriteLine($"factcheck: the run was not recorded: {notRecorded.Message}");
                return ExitCodes.InternalError;
            }

            if (database is not null && outcome.ExitCode != ExitCodes.InternalError)
            {
                stderr.WriteLine($"factcheck: recorded the run in {ClaimsLoader.Display(Path.GetFullPath(database, baseDirectory), baseDirectory)}");
            }

            return outcome.ExitCode;
        });
        return command;
    }
}
