using System.Diagnostics;
using System.Globalization;
using FactCheck.Report;

namespace FactCheck.Benchmarks.Report;

/// <summary>
/// Writes two runs of N claims and N findings (default 100,000) to a fresh report, then reads the diff
/// between them; then a run where one file of 100 changed and one where nothing did (what `check` after an edit
/// writes). Target: each write and the diff under 2 s, the file under 100 MB.
/// With --supplied the runs carry their claim digests and fingerprints, as `factcheck check` passes them (the store
/// then hashes only what it must: files' rows and findings' contents).
/// Usage: report [claims] [--repeat N (default 3)] [--stages] [--keep] [--supplied]
/// </summary>
public sealed class ReportSuite : IBenchmarkSuite
{
    private const double TargetSeconds = 2.0;
    private const long TargetBytes = 100L * 1024 * 1024;

    public string Name => "report";

    public string Description => "SQLite report: write two runs of 100k claims + 100k findings, diff them";

    public int Run(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var keep = args.Contains("--keep");
        var showStages = args.Contains("--stages");
        var repeat = Math.Max(1, Option(args, "--repeat") ?? 3);
        var directory = Directory.CreateTempSubdirectory("factcheck-report-bench-").FullName;
        try
        {
            // Warm-up on a small file so JIT time is not measured.
            using (var warm = ReportStore.Open(Path.Combine(directory, "warmup.db")))
            {
                warm.WriteRun(MakeRun(2_000, 0));
                warm.WriteRun(MakeRun(2_000, 1));
                warm.Diff(1, 2);
            }

            var supplied = args.Contains("--supplied");
            var first = MakeRun(count, 0, supplied: supplied);
            var second = MakeRun(count, 1, supplied: supplied);
            var third = MakeRun(count, 1, editedFile: 7, supplied: supplied);
            var attempts = new List<List<Row>>();
            long bytes = 0;
            string? keptPath = null;
            for (var attempt = 0; attempt < repeat; attempt++)
            {
                var path = Path.Combine(directory, $"report-{attempt}.db");
                attempts.Add(Measure(path, first, second, third, showStages));
                bytes = new FileInfo(path).Length;
                if (keep)
                {
                    keptPath = path;
                }
                else
                {
                    File.Delete(path);
                }
            }

            Console.WriteLine($"FactCheck report benchmark: {count:N0} claims and {count:N0} findings per run{(supplied ? " (claim digests and fingerprints supplied, as by check)" : string.Empty)}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine(repeat == 1
                ? "One attempt. CPU s is user+sys time of the whole process during the step (all threads)."
                : $"Best of {repeat} attempts, each on a fresh file: the minimum wall time and, separately, the minimum CPU time (user+sys, all threads) per step; " +
                  "the machine is shared, so minima are the fairest comparison. 'first' is the first attempt alone (a fresh process, as in `factcheck check`).");
            Console.WriteLine();
            Console.WriteLine($"| {"step",-30} | {"wall s",8} | {"CPU s",8} | {"first wall s",12} | {"first CPU s",11} | {"GC pause s",10} | {"target",7} | note");
            Console.WriteLine($"|{new string('-', 32)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 14)}|{new string('-', 13)}|{new string('-', 12)}|{new string('-', 9)}|------");
            for (var i = 0; i < attempts[0].Count; i++)
            {
                var step = attempts[0][i].Step;
                var seconds = attempts.Min(a => a[i].Seconds);
                var cpu = attempts.Min(a => a[i].Cpu);
                var pause = attempts.Min(a => a[i].GcPause);
                var verdict = step.StartsWith("write", StringComparison.Ordinal) || step.StartsWith("diff", StringComparison.Ordinal)
                    ? (seconds < TargetSeconds ? "ok" : "MISSED")
                    : string.Empty;
                Console.WriteLine($"| {step,-30} | {seconds,8:F3} | {cpu,8:F3} | {attempts[0][i].Seconds,12:F3} | {attempts[0][i].Cpu,11:F3} | {pause,10:F3} | {verdict,7} | {attempts[0][i].Note}");
            }

            if (repeat > 1)
            {
                foreach (var step in new[] { 1, 2, 3, 6, 7 })
                {
                    Console.WriteLine($"{attempts[0][step].Step}: wall {string.Join(" ", attempts.Select(a => a[step].Seconds.ToString("F3", CultureInfo.InvariantCulture)))}; CPU {string.Join(" ", attempts.Select(a => a[step].Cpu.ToString("F3", CultureInfo.InvariantCulture)))}");
                }
            }

            Console.WriteLine($"| {"report file size",-30} | {bytes / 1024.0 / 1024.0,5:F1} MB | {string.Empty,8} | {string.Empty,12} | {string.Empty,11} | {string.Empty,10} | {(bytes < TargetBytes ? "ok" : "MISSED"),7} | two runs, after the final checkpoint");
            if (keptPath is not null)
            {
                Console.WriteLine($"kept: {keptPath}");
            }

            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static int? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static List<Row> Measure(string path, RunData first, RunData second, RunData third, bool showStages)
    {
        // A full collection first, so that garbage left by an earlier attempt is not paid for in this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rows = new List<Row>();
        var process = Process.GetCurrentProcess();
        var cpuMark = process.TotalProcessorTime;
        var pauseMark = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        void Add(string step, string note)
        {
            var seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var now = process.TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            rows.Add(new Row(step, seconds, (now - cpuMark).TotalSeconds, (pause - pauseMark).TotalSeconds, note));
            cpuMark = now;
            pauseMark = pause;
            watch.Restart();
        }

        void Mark()
        {
            process.Refresh();
            cpuMark = process.TotalProcessorTime;
            pauseMark = GC.GetTotalPauseDuration();
            watch.Restart();
        }

        using var store = ReportStore.Open(path);
        Add("open (create schema)", string.Empty);

        var stages = new List<string>();
        var stageWatch = new Stopwatch();
        store.StageCompleted = stage =>
        {
            stages.Add($"{stage} {stageWatch.Elapsed.TotalSeconds:F3}");
            stageWatch.Restart();
        };
        stageWatch.Start();
        Mark();
        var runA = store.WriteRun(first);
        Add("write run 1", Describe(first));
        if (showStages)
        {
            Console.Error.WriteLine("run 1 stages: " + string.Join(", ", stages));
        }

        stages.Clear();
        stageWatch.Restart();
        Mark();
        var runB = store.WriteRun(second);
        Add("write run 2", Describe(second) + ", 10% of claims changed");
        if (showStages)
        {
            Console.Error.WriteLine("run 2 stages: " + string.Join(", ", stages));
        }

        store.StageCompleted = null;
        Mark();
        var diff = store.Diff(runA, runB);
        Add("diff run 1 -> run 2", $"{diff.New.Count:N0} new, {diff.Fixed.Count:N0} fixed, {diff.Unchanged.Count:N0} unchanged");

        Mark();
        var summary = store.GetRunSummary(runB);
        Add("summary of run 2", $"{summary.Findings:N0} findings, {summary.NewFindings:N0} new, {summary.FixedFindings:N0} fixed");

        Mark();
        var view = store.QueryReadOnly("SELECT change, count(*) FROM latest_finding_changes GROUP BY change");
        Add("query latest_finding_changes", string.Join(", ", view.Rows.Select(r => $"{r[0]} {r[1]:N0}")));

        Mark();
        store.WriteRun(third);
        Add("write run 3, one file changed", $"1 of 100 claim files: {third.Claims.Count / 100:N0} claims' status and findings' message");

        Mark();
        store.WriteRun(third);
        Add("write run 4, nothing changed", Describe(third));
        return rows;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Describe(RunData run) =>
        $"{run.Claims.Count:N0} claims, {run.Appearances.Count:N0} appearances, {run.Findings.Count:N0} findings, {run.Sources.Count:N0} sources";

    /// <summary>
    /// A run shaped like a big newsroom: every claim appears in one of 1,000 sources; each finding concerns one
    /// claim and its source. Version 1 changes the status of every tenth claim, drops every twentieth finding
    /// and adds as many new ones.
    /// </summary>
    /// <param name="editedFile">A desk file (0-99) whose claims' status and findings' message differ from version 1's.</param>
    /// <param name="supplied">Claim digests and fingerprints computed here, as `factcheck check` passes them.</param>
    private static RunData MakeRun(int count, int version, int? editedFile = null, bool supplied = false)
    {
        var start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddDays(version);
        string[] rules = ["attribution.unattributed", "quotes.drift", "attribution.second-hand", "review.stale", "dates.inconsistent"];
        string[] attributions = [.. AttributionKinds.All];
        var sources = Enumerable.Range(0, 1_000)
            .Select(i => new ReportSource($"source-{i:D4}", "article", $"Story number {i}", "Euronews", $"https://example.org/story/{i}", $"claims/sources-{i % 10}.yaml", i * 12 + 1))
            .ToList();
        var claims = new List<ReportClaim>(count);
        var appearances = new List<ReportAppearance>(count);
        var findings = new List<ReportFinding>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"claim-{i:D7}";
            var file = $"claims/desk-{i % 100:D2}.yaml";
            var source = $"source-{i % 1_000:D4}";
            var edited = i % 100 == editedFile;
            var status = edited ? "in-review" : version == 1 && i % 10 == 0 ? "true" : "unreviewed";
            var statement = $"Minister {i % 500} said the budget for item {i} rose by {i % 97} percent.";
            claims.Add(new ReportClaim(id, file, i * 20 + 1, 5, statement, $"Minister {i % 500}", status, supplied ? ContentDigest.ForClaim(statement, $"Minister {i % 500}") : null));
            appearances.Add(new ReportAppearance(id, source, attributions[i % attributions.Length], $"the budget for item {i} rose by {i % 97} percent", file, i * 20 + 8, 9));
            var findingIndex = version == 1 && i % 20 == 0 ? i + count : i; // every twentieth finding replaced
            var rule = rules[findingIndex % rules.Length];
            string[] findingClaims = [findingIndex < count ? id : $"{id}-x"];
            findings.Add(new ReportFinding(rule, rule.StartsWith("quotes", StringComparison.Ordinal) ? "error" : "warning",
                $"Claim {id} in {source}: {rule} (check {findingIndex}){(edited ? ", edited" : string.Empty)}", file, i * 20 + 1, 5, findingClaims, [source],
                supplied ? Fingerprint.ForFinding(rule, findingClaims, [source]) : null));
        }

        return new RunData
        {
            ToolVersion = "0.1.0",
            StartedAt = start,
            FinishedAt = start.AddSeconds(3),
            GitCommit = version == 0 ? "1111111111111111111111111111111111111111" : "2222222222222222222222222222222222222222",
            Sources = sources,
            Claims = claims,
            Appearances = appearances,
            Rules = rules.Select((r, i) => new ReportRule(r, $"Rule {r}", "warning", $"rules/{r}.yaml", 1)).ToList(),
            Findings = findings,
        };
    }

    private sealed record Row(string Step, double Seconds, double Cpu, double GcPause, string Note);
}
