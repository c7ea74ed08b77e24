using FactCheck.Claims.Diagnostics;
using System.CommandLine;
using FactCheck.Claims.Loading;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Output;
using FactCheck.Cli.Watching;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck check</c>: run the rules on the claims, print findings, record the run.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var claims = new Option<string?>("--claims") { Description = "The claims folder or file. Default: factcheck.yaml's, else claims/ here or in a folder above." };
        var rules = new Option<string?>("--rules") { Description = "The rules folder or file. Default: factcheck.yaml's, else rules/ beside claims/, else the bundled pack." };
        var db = new Option<string?>("--db") { Description = $"The SQLite report to record the run in. Default: factcheck.yaml's, else {ReportOptions.DefaultReportName} beside the claims folder (inside the repository)." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not record the run in a report." };
        var format = new Option<string?>("--format") { Description = "Output format. Default: text, or github when GITHUB_ACTIONS=true." };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the output to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on") { Description = "The lowest severity that makes the exit code 1. Default: factcheck.yaml's, else error." };
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

        var baselineRef = new Option<string?>("--baseline-ref") { Description = "A git branch, tag or commit: the baseline is the claims and rules at its merge base with HEAD (checked in a temporary worktree)." };
        var engine = EngineOption.Create();
        var stepSummary = new Option<string?>("--step-summary") { Description = "Append a Markdown summary (counts, new findings by rule) to this file. Default with --format github: $GITHUB_STEP_SUMMARY." };
        var display = DisplayOptions.Create();
        var html = new Option<string?>("--html") { Description = "Also write one self-contained HTML page (findings, claims, sources, timeline, graph, ClaimReview) to this file." };
        var noCache = CacheOption.Create();
        var watch = new Option<bool>("--watch") { Description = "Keep running: check again on every save of a claims or rules file and print what changed (no report is written). Checks of the same claims and rules are answered by it meanwhile (docs/commands.md)." };
        var noServer = new Option<bool>("--no-server") { Description = "Check in this process even when a running session could answer, and start none (also FACTCHECK_SERVER=0; docs/commands.md#sessions-check-answered-by-a-running-session)." };

        var command = new Command("check", "Run the rules on the claims: print findings, record the run in the SQLite report, exit non-zero on findings.")
        {
            claims, rules, db, noReport, format, output, failOn, baseline, only, baselineRef, stepSummary, engine, maxFirings, maxMatches, html, watch, noCache, noServer,
        };
        display.AddTo(command);
        command.SetAction(parse =>
        {
            using var timer = new PhaseTimer();
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var baseDirectory = CliContext.WorkingDirectory;
            if (parse.GetValue(watch)) Serving.WorkstationGc.Ensure(stderr);
            if (parse.GetValue(baseline) is not null && parse.GetValue(baselineRef) is not null)
            {
                stderr.WriteLine("factcheck check: give --baseline or --baseline-ref, not both");
                return ExitCodes.InvalidInput;
            }

            var settings = CheckSettings.Resolve(
                Project.Discover(baseDirectory), parse.GetValue(claims), parse.GetValue(rules), parse.GetValue(db), parse.GetValue(noReport),
                parse.GetValue(failOn), parse.GetValue(baseline), parse.GetValue(baselineRef), parse.GetValue(only) ?? []);
            // A running session for these claims and rules answers, when there is one (Serving/); else, or when it fails, this process.
            if (!parse.GetValue(watch) && !parse.GetValue(noServer) && !parse.GetValue(noCache)
                && Serving.CheckClient.TryRun(parse.Tokens.Select(t => t.Value).ToList(), settings.Options, baseDirectory, stdout, stderr) is { } servedExit)
            {
                return servedExit;
            }

            var options = settings.Options with
            {
                Engine = EngineOption.Resolve(parse.GetValue(engine)),
                MaxFirings = parse.GetValue(maxFirings),
                MaxPartialMatches = parse.GetValue(maxMatches),
                Cache = CacheOption.Open(parse.GetValue(noCache)),
            };
            if (options.UseBundledRules) stderr.WriteLine($"factcheck: {settings.RulesNote}");
            if (parse.GetValue(watch))
            {
                if (parse.GetValue(output) is not null || parse.GetValue(baseline) is not null || parse.GetValue(baselineRef) is not null || parse.GetValue(format) is { } f && f != OutputFormats.Text)
                {
                    stderr.WriteLine("factcheck check: --watch prints text to the terminal; it takes no --output, --format, --baseline or --baseline-ref");
                    return ExitCodes.InvalidInput;
                }

                if (display.Read(parse, OutputFormats.Text, toFile: false, stdout, stderr, settings.DisplayLevel) is not { } watchText) return ExitCodes.InvalidInput;
                return WatchCommand.Run(options, baseDirectory, OutputFormats.Create(OutputFormats.Text, watchText), stdout);
            }


            // Display options are checked before the run, so a usage error records nothing.
            var chosen = parse.GetValue(format)
                ?? (Serving.ServedCheck.Variable("GITHUB_ACTIONS") == "true" ? "github" : "text");
            var outputPath = parse.GetValue(output);
            if (display.Read(parse, chosen, toFile: outputPath is not null, stdout, stderr, settings.DisplayLevel) is not { } textOptions) return ExitCodes.InvalidInput;
            var outputFull = outputPath is null ? null : CliContext.FullPath(outputPath);
            ReportNotRecordedException? notRecorded = null;
            CheckOutcome outcome;
            Task? recorded = null;
            try
            {
                if (outputFull is not null) OutputFile.CheckTarget(outputFull, outputPath!);
                // Progress only for a person watching: stderr must be the real terminal.
                Action<string>? progress = !textOptions.Quiet && stderr == Console.Error && !Console.IsErrorRedirected
                    ? message => stderr.WriteLine($"factcheck: {message}...")
                    : null;
                if (settings.BaselineRef is { } reference)
                {
                    progress?.Invoke($"checking the merge base of {reference} and HEAD for the baseline");
                    options = options with { BaselineFingerprints = GitBaseline.Compute(reference, options, baseDirectory, note => stderr.WriteLine($"factcheck: {note}")) };
                }

                // The report's findings are written while the output is (see WaitForReport below).
                (outcome, recorded) = CheckRunner.Start(options, baseDirectory, progress, Serving.ServedCheck.Current);
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

            timer.Mark("check");
            void WaitForReport()
            {
                if (recorded is null) return;
                try
                {
                    recorded.GetAwaiter().GetResult();
                }
                catch (ReportNotRecordedException ex)
                {
                    notRecorded = ex;
                }

                recorded = null;
                timer.Mark("write report (findings, beside the output)");
            }

            var formatter = OutputFormats.Create(chosen, textOptions);
            try
            {
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
                        WaitForReport();
                        if (notRecorded is not null) stderr.WriteLine($"factcheck: the run was not recorded: {notRecorded.Message}");
                        return ex.ExitCode;
                    }

                    if (!textOptions.Quiet) stderr.WriteLine($"factcheck: wrote {chosen} output to {outputPath}");
                }

                timer.Mark($"write {chosen} output");
            }
            finally
            {
                WaitForReport();
            }

            if (parse.GetValue(html) is { } htmlPath && Html.HtmlPageFile.Write(htmlPath, outcome, options.ClaimsPath, baseDirectory, stderr, textOptions.Quiet) is { } failed) return failed;
            var summaryFile = parse.GetValue(stepSummary)
                ?? (chosen == OutputFormats.GitHub ? Serving.ServedCheck.Variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } s ? s : null : null);
            if (summaryFile is not null) File.AppendAllText(CliContext.FullPath(summaryFile), StepSummary.Write(outcome) + "\n");
            // Everything written: a session for the next check starts in the background, where it pays (Serving/AutoStart).
            if (Serving.AutoStart.WhyNot(options, baseDirectory, parse.GetValue(noServer) || parse.GetValue(noCache), outcome.ClaimCount) is { } notStarted)
            {
                if (Serving.ServedCheck.Variable("FACTCHECK_DEBUG") == "1" && Serving.ServedCheck.Current is null) stderr.WriteLine($"factcheck: no session started: {notStarted}");
            }
            else
            {
                string[] given =
                [
                    .. parse.GetValue(claims) is { } c ? new[] { "--claims", c } : [],
                    .. parse.GetValue(rules) is { } r ? new[] { "--rules", r } : [],
                    .. (parse.GetValue(only) ?? []).SelectMany(id => new[] { "--rule", id }),
                ];
                var started = Serving.AutoStart.Start(given, baseDirectory);
                if (Environment.GetEnvironmentVariable("FACTCHECK_DEBUG") == "1") stderr.WriteLine(started ? "factcheck: started a session in the background for the next check" : "factcheck: could not start a session");
                else if (started && !textOptions.Quiet && stderr == Console.Error && !Console.IsErrorRedirected)
                {
                    // Said to a person only (as progress is): a resident process should not appear unannounced.
                    stderr.WriteLine($"factcheck: a background session keeps these claims loaded to answer the next check (ends after {Serving.AutoStart.IdleTimeout().TotalMinutes:0.#} min unused; `factcheck serve --stop` ends it, FACTCHECK_SERVER=0 turns this off)");
                }
            }

            if (notRecorded is not null)
            {
                stderr.WriteLine($"factcheck: the run was not recorded: {notRecorded.Message}");
                return ExitCodes.InternalError;
            }

            if (options.Database is not null && outcome.ExitCode != ExitCodes.InternalError && !textOptions.Quiet)
            {
                stderr.WriteLine($"factcheck: recorded the run in {ClaimsLoader.Display(Path.GetFullPath(options.Database, baseDirectory), baseDirectory)}");
            }

            return outcome.ExitCode;
        });
        return command;
    }
}
