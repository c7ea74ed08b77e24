using System.Reflection;
using System.Runtime.CompilerServices;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.Output;
using FactCheck.Report;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Checking;

/// <summary>
/// The main job: load claims and rules (side by side), run the rules, compare with the baseline, and
/// record the run in the report. Output formats only read the outcome it returns.
/// </summary>
public static class CheckRunner
{
    /// <summary>From this many claims a check collects the claims model before the rules fire (see <see cref="Start"/>).</summary>
    private const int LargeRun = 10_000;

    public static string ToolVersion { get; } =
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="progress">Told what is happening, for long runs on a terminal; null for silence.</param>
    /// <exception cref="ReportNotRecordedException">The report refused the run; it carries the outcome, to be written anyway.</exception>
    public static CheckOutcome Run(CheckOptions options, string baseDirectory, Action<string>? progress = null)
    {
        var (outcome, recorded) = Start(options, baseDirectory, progress);
        recorded?.GetAwaiter().GetResult();
        return outcome;
    }

    /// <summary>
    /// <see cref="Run"/>, returning as soon as the outcome is known: the report's last part (findings, rules, errors and
    /// the commit) is written by <c>Recorded</c> on a thread of its own, so that the caller prints the output meanwhile.
    /// <c>Recorded</c> is null without a report, and fails with a <see cref="ReportNotRecordedException"/> when the
    /// report refused the run; the caller waits for it before the process ends (else the run is rolled back).
    /// </summary>
    /// <param name="served">A running session that holds the claims, rules and findings (a served check); null to read and run them.</param>
    internal static (CheckOutcome Outcome, Task? Recorded) Start(CheckOptions options, string baseDirectory, Action<string>? progress = null, Serving.ServedCheck? served = null)
    {
        progress?.Invoke($"loading claims from {options.ClaimsPath} and rules from {options.RulesPath}");
        var started = DateTimeOffset.UtcNow;
        using var timer = new PhaseTimer();
        var staged = Stage(options, baseDirectory, timer, progress, served, started);
        if (staged.Invalid is { } invalid) return (invalid, null);
        var (rules, recording) = (staged.Rules, staged.Recording);
        try
        {
            CheckOutcome outcome;
            if (served is not null)
            {
                // The session holds the claims, the facts and the fired network: it brings them up to date and answers.
                outcome = served.Run(options, rules, staged.Baseline);
            }
            else
            {
                if (staged.ClaimCount >= LargeRun)
                {
                    // The model was promoted to gen 2 while loading, and no full collection need come before the rules' peak:
                    // one now frees it and the projection's garbage for the network to reuse. Cold check on 100,000 claims,
                    // 6 alternating runs: peak RSS 1,536 -> 1,469 MB median (1,570 -> 1,477 max), CPU 13.1 -> 12.7 s; again
                    // once Stage let the model go (--no-report, 3 runs each): 0.90-1.25 GB without it, 1.10-1.11 GB with it.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                outcome = RunRules(options, timer, staged.Projected!, staged.ClaimCount, staged.SourceCount, staged.Pack, staged.Only, rules, staged.Baseline);
            }

            if (recording is null) return (outcome, null);
            progress?.Invoke($"recording {outcome.Findings.Count} findings in {options.Database}");
            var finishing = recording;
            var recorded = Task.Factory.StartNew(
                () =>
                {
                    using (finishing) finishing.Complete(rules, outcome, started);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            recording = null; // the task owns it now
            return (outcome, recorded);
        }
        finally
        {
            // The rules threw: the run is rolled back.
            recording?.Dispose();
        }
    }

    /// <summary>What a run needs once the claims are loaded and projected: the claims model is not among it.</summary>
    /// <param name="Invalid">The outcome of a run stopped by input errors (already recorded); the rest is then unset.</param>
    /// <param name="Projected">The claims' facts; null for a served check, whose session holds them.</param>
    private sealed record Staged(
        CheckOutcome? Invalid, List<RuleInfo> Rules, RulePack Pack, IReadOnlyCollection<string>? Only, IReadOnlySet<string>? Baseline,
        ReportRecording? Recording, ProjectedClaims? Projected, int ClaimCount, int SourceCount);

    /// <summary>
    /// Loads the claims and rules side by side, checks the input, starts the report and projects the facts. A method of its
    /// own so that nothing in <see cref="Start"/>'s frame refers to the claims model while the rules run: <see cref="Start"/>
    /// runs once, so it is never re-jitted optimised, and unoptimised code reports every local and temporary live to the
    /// end of its method (the awaiter of the loading task, a spilled <c>ClaimSet</c>). Inline, the model (134 MB on 100,000
    /// claims) outlived the collection meant to free it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Staged Stage(CheckOptions options, string baseDirectory, PhaseTimer timer, Action<string>? progress, Serving.ServedCheck? served, DateTimeOffset started)
    {
        // The commit (git status, a process) is looked up beside the loading, for the report.
        var commit = options.Database is null ? null : Task.Run(() => GitInfo.CurrentCommit(baseDirectory, [options.ClaimsPath, options.RulesPath]));
        var kept = served?.Load(options, baseDirectory);
        var claimsTask = kept is { } k ? Task.FromResult(k.Claims) : Task.Run(() => ClaimsLoader.Load([options.ClaimsPath], baseDirectory, options.Cache));
        var rulesClock = System.Diagnostics.Stopwatch.StartNew();
        var pack = kept?.Pack ?? (options.UseBundledRules ? Configuration.BundledRules.Load(p => p) : RulePackLoader.Load([options.RulesPath], baseDirectory));
        var rulesTime = rulesClock.Elapsed;
        var claims = claimsTask.GetAwaiter().GetResult();
        // One phase: the rules load beside the claims (the lines nested under it are the claims').
        timer.Mark($"load claims and rules (rules beside: {rulesTime.TotalMilliseconds:F0} ms)");

        var (inputErrors, only, rules) = Prepare(claims.Diagnostics, pack, options);
        var (claimCount, sourceCount) = (claims.ClaimSet.Claims.Count, claims.ClaimSet.Sources.Count);
        if (inputErrors.Count > 0)
        {
            var invalid = new CheckOutcome(
                ToolVersion, rules, [], [], inputErrors, [], claimCount, sourceCount,
                options.FailOn, options.Baseline is not null || options.BaselineFingerprints is not null, ExitCodes.InvalidInput);
            if (options.Database is not null) Record(options, baseDirectory, ReportMapping.Inputs(claims.ClaimSet), rules, invalid, started, commit!.GetAwaiter().GetResult());
            return new Staged(invalid, rules, pack, only, null, null, null, claimCount, sourceCount);
        }

        var baseline = ReadBaseline(options, baseDirectory);

        // The report's claims, sources, appearances and citations do not depend on the findings: they are written
        // while the rules run, and the findings join them in the same transaction at the end.
        var recording = options.Database is null ? null : ReportRecording.Start(Path.GetFullPath(options.Database, baseDirectory), claims.ClaimSet, commit!);
        try
        {
            if (served is not null) return new Staged(null, rules, pack, only, baseline, recording, null, claimCount, sourceCount);
            progress?.Invoke($"running {rules.Count} rules on {claimCount} claims");
            return new Staged(null, rules, pack, only, baseline, recording, RuleRunner.Project(claims.ClaimSet), claimCount, sourceCount);
        }
        catch
        {
            // The projection threw: the run is rolled back.
            recording?.Dispose();
            throw;
        }
    }

    private static CheckOutcome RunRules(
        CheckOptions options, PhaseTimer timer, ProjectedClaims claims, int claimCount, int sourceCount, RulePack pack, IReadOnlyCollection<string>? only, List<RuleInfo> rules, IReadOnlySet<string>? baseline)
    {
        var result = RuleRunner.Run(
            pack, claims, only, options.MaxFirings, maxPartialMatches: options.MaxPartialMatches, engine: options.Engine);
        timer.Mark("run rules");
        var findings = result.Findings.AsParallel().AsOrdered().Select(f => Check(options.Selection?.Apply(f) ?? f, baseline, options.FailOn)).ToList();
        var suppressed = result.Suppressed.Select(f => Check(options.Selection?.Apply(f) ?? f, baseline, failOn: null)).ToList();
        timer.Mark("fingerprint");
        var exitCode = result.Errors.Count > 0 ? ExitCodes.InvalidInput
            : findings.Any(f => f.Fails) ? ExitCodes.Findings
            : ExitCodes.Success;
        return new CheckOutcome(
            ToolVersion, rules, findings, suppressed, [], result.Errors, claimCount, sourceCount,
            options.FailOn, baseline is not null, exitCode);
    }

    private static CheckedFinding Check(Finding finding, IReadOnlySet<string>? baseline, RuleSeverity? failOn)
    {
        var fingerprint = Fingerprint.Compute(finding.RuleId, finding.FactKeys);
        var isNew = baseline is null || !baseline.Contains(fingerprint);
        var fails = isNew && failOn is { } threshold && finding.Severity >= threshold;
        return new CheckedFinding(finding, fingerprint, isNew, fails);
    }

    /// <summary>A run id in this run's report, or the path of another report (its latest run).</summary>
    private static IReadOnlySet<string>? ReadBaseline(CheckOptions options, string baseDirectory)
    {
        if (options.BaselineFingerprints is { } computed) return computed;
        if (options.Baseline is not { } baseline) return null;
        if (long.TryParse(baseline, out var runId))
        {
            if (options.Database is null) throw new CheckUsageException("--baseline with a run id needs the report (--db); give a report file instead");
            var path = Path.GetFullPath(options.Database, baseDirectory);
            if (!File.Exists(path)) throw new CheckUsageException($"--baseline {runId}: the report '{options.Database}' does not exist yet");
            using (var store = ReportStore.OpenReadOnly(path))
            {
                // A run that is not there is a usage error like a missing file (exit 2), not a broken report.
                var runs = store.GetRuns();
                if (runs.All(r => r.RunId != runId))
                {
                    throw new CheckUsageException($"--baseline {runId}: the report '{options.Database}' has no run {runId} ({OutputText.RunsHeld(runs)}); give one of its run ids, or another report file");
                }
            }

            return ReportStore.ReadBaselineFingerprints(path, runId);
        }

        var file = Path.GetFullPath(baseline, baseDirectory);
        if (!File.Exists(file)) throw new CheckUsageException($"--baseline '{baseline}' is neither a run id nor an existing report file; give a run id from the report, or the path of another report");
        return ReportStore.ReadBaselineFingerprints(file);
    }

    /// <exception cref="ReportNotRecordedException">The report refused the run; it carries the outcome, to be written anyway.</exception>
    private static void Record(CheckOptions options, string baseDirectory, RunData inputs, IReadOnlyList<RuleInfo> rules, CheckOutcome outcome, DateTimeOffset started, string? commit)
    {
        if (options.Database is null) return;
        var path = Path.GetFullPath(options.Database, baseDirectory);
        try
        {
            using var store = ReportStore.Open(path);
            store.WriteRun(ReportMapping.ToRunData(inputs, rules, outcome, started, DateTimeOffset.UtcNow, commit));
        }
        catch (ReportException ex)
        {
            throw new ReportNotRecordedException(outcome, ex);
        }
    }

    /// <summary>
    /// The run's input errors (claims, rules, <c>--rule</c> ids, factcheck.yaml), sorted by position, and the rules it
    /// runs: <c>--rule</c> on the command line wins over the configuration's enable/disable, whose severities apply.
    /// </summary>
    internal static (List<Diagnostic> InputErrors, IReadOnlyCollection<string>? Only, List<RuleInfo> Rules) Prepare(
        IEnumerable<Diagnostic> claimDiagnostics, RulePack pack, CheckOptions options)
    {
        var inputErrors = claimDiagnostics.Concat(pack.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var unknown in options.OnlyRules.Where(id => pack.Rules.All(r => r.Id != id)))
        {
            inputErrors.Add(Diagnostic.Error(
                new Location(options.RulesPath, 0, 0), "unknown-rule", $"--rule names '{unknown}', which no rule file defines{Suggestions.DidYouMean(unknown, pack.Rules.Select(r => r.Id))}"));
        }

        inputErrors.AddRange(options.ConfigErrors);
        options.Selection?.Validate(pack.Rules, inputErrors);
        inputErrors.Sort(Diagnostic.ByPosition);

        var only = options.OnlyRules.Count > 0 ? options.OnlyRules : options.Selection?.Only(pack.Rules);
        var rules = pack.Rules
            .Where(r => only is null || only.Contains(r.Id))
            .Select(r => options.Selection?.Apply(r) ?? r)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return (inputErrors, only, rules);
    }
}
