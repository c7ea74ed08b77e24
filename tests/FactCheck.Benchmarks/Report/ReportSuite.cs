using System.Diagnostics;
using System.Globalization;
using FactCheck.Report;

namespace FactCheck.Benchmarks.Report;

/// <summary>
/// Writes two runs of N claims and N findings (default 100,000) to a fresh report, then reads the diff
/// between them. Target: each write and the diff under 2 s, the file under 100 MB.
/// Usage: report [claims] [--keep]
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

            var first = MakeRun(count, 0);
            var second = MakeRun(count, 1);
            var path = Path.Combine(directory, "report.db");
            var rows = new List<(string Step, double Seconds, double Cpu, string Note)>();
            var process = Process.GetCurrentProcess();
            var cpuMark = process.TotalProcessorTime;
            double Cpu()
            {
                process.Refresh();
                var now = process.TotalProcessorTime;
                var spent = (now - cpuMark).TotalSeconds;
                cpuMark = now;
                return spent;
            }


            var watch = Stopwatch.StartNew();
            using (var store = ReportStore.Open(path))
            {
                rows.Add(("open (create schema)", watch.Elapsed.TotalSeconds, Cpu(), string.Empty));

                var stages = new List<string>();
                var stageWatch = new Stopwatch();
                store.StageCompleted = stage =>
                {
                    stages.Add($"{stage} {stageWatch.Elapsed.TotalSeconds:F3}");
                    stageWatch.Restart();
                };
                stageWatch.Start();
                watch.Restart();
                Cpu();
                var runA = store.WriteRun(first);
                rows.Add(("write run 1", watch.Elapsed.TotalSeconds, Cpu(), Describe(first)));

                Console.Error.WriteLine("run 1 stages: " + string.Join(", ", stages));
                stages.Clear();
                stageWatch.Restart();
                watch.Restart();
                Cpu();
                var runB = store.WriteRun(second);
                Console.Error.WriteLine("run 2 stages: " + string.Join(", ", stages));
                store.StageCompleted = null;
                rows.Add(("write run 2", watch.Elapsed.TotalSeconds, Cpu(), Describe(second) + ", 10% of claims changed"));

                watch.Restart();
                Cpu();
                var diff = store.Diff(runA, runB);
                rows.Add(("diff run 1 -> run 2", watch.Elapsed.TotalSeconds, Cpu(), $"{diff.New.Count:N0} new, {diff.Fixed.Count:N0} fixed, {diff.Unchanged.Count:N0} unchanged"));

                watch.Restart();
                Cpu();
                var summary = store.GetRunSummary(runB);
                rows.Add(("summary of run 2", watch.Elapsed.TotalSeconds, Cpu(), $"{summary.Findings:N0} findings, {summary.NewFindings:N0} new, {summary.FixedFindings:N0} fixed"));

                watch.Restart();
                Cpu();
                var view = store.QueryReadOnly("SELECT change, count(*) FROM latest_finding_changes GROUP BY change");
                rows.Add(("query latest_finding_changes", watch.Elapsed.TotalSeconds, Cpu(), string.Join(", ", view.Rows.Select(r => $"{r[0]} {r[1]:N0}"))));
            }

            var bytes = new FileInfo(path).Length;
            Console.WriteLine($"FactCheck report benchmark: {count:N0} claims and {count:N0} findings per run, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine($"| {"step",-30} | {"wall s",8} | {"CPU s",8} | {"target",7} | note");
            Console.WriteLine($"|{new string('-', 32)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 9)}|------");
            foreach (var (step, seconds, cpu, note) in rows)
            {
                var verdict = step.StartsWith("write", StringComparison.Ordinal) || step.StartsWith("diff", StringComparison.Ordinal)
                    ? (seconds < TargetSeconds ? "ok" : "MISSED")
                    : string.Empty;
                Console.WriteLine($"| {step,-30} | {seconds,8:F3} | {cpu,8:F3} | {verdict,7} | {note}");
            }

            Console.WriteLine($"| {"report file size",-30} | {bytes / 1024.0 / 1024.0,5:F1} MB | {string.Empty,8} | {(bytes < TargetBytes ? "ok" : "MISSED"),7} | two runs, after the final checkpoint");
            if (keep)
            {
                Console.WriteLine($"kept: {path}");
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Describe(RunData run) =>
        $"{run.Claims.Count:N0} claims, {run.Appearances.Count:N0} appearances, {run.Findings.Count:N0} findings, {run.Sources.Count:N0} sources";

    /// <summary>
    /// A run shaped like a big newsroom: every claim appears in one of 1,000 sources; each finding concerns one
    /// claim and its source. Version 1 changes the status of every tenth claim, drops every twentieth finding
    /// and adds as many new ones.
    /// </summary>
    private static RunData MakeRun(int count, int version)
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
            var status = version == 1 && i % 10 == 0 ? "true" : "unreviewed";
            claims.Add(new ReportClaim(id, file, i * 20 + 1, 5, $"Minister {i % 500} said the budget for item {i} rose by {i % 97} percent.", $"Minister {i % 500}", status));
            appearances.Add(new ReportAppearance(id, source, attributions[i % attributions.Length], $"the budget for item {i} rose by {i % 97} percent", file, i * 20 + 8, 9));
            var findingIndex = version == 1 && i % 20 == 0 ? i + count : i; // every twentieth finding replaced
            var rule = rules[findingIndex % rules.Length];
            findings.Add(new ReportFinding(rule, rule.StartsWith("quotes", StringComparison.Ordinal) ? "error" : "warning",
                $"Claim {id} in {source}: {rule} (check {findingIndex})", file, i * 20 + 1, 5, [findingIndex < count ? id : $"{id}-x"], [source]));
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
}
