using System.Diagnostics;
using System.Globalization;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Benchmarks.Findings;

/// <summary>
/// The rule run of <c>check</c> on a claims folder, loaded once: the projection alone and the whole run (projection,
/// sessions, findings), each as medians of wall and CPU time with the bytes allocated and the time paused for garbage
/// collection; with <c>--per-rule</c>, each rule alone (its run less the projection's median), costliest first.
/// </summary>
public sealed class RuleRunSuite : IBenchmarkSuite
{
    public string Name => "rulerun";

    public string Description => "the rule run of check on a folder: rulerun DIR [runs] [rules-dir] [--groups] [--per-rule] [--sessions N] [--dump FILE]";

    public int Run(string[] args)
    {
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--dump" or "--sessions"))).ToArray();
        var dir = positional[0];
        var runs = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 5;
        var rules = positional.Length > 2 ? positional[2] : "rules";
        var pack = RulePackLoader.Load([rules]);
        var loaded = ClaimsLoader.Load([dir]);
        if (pack.Diagnostics.Count > 0 || loaded.HasErrors)
        {
            foreach (var d in pack.Diagnostics.Concat(loaded.Diagnostics).Take(10)) Console.Error.WriteLine(d);
            return 2;
        }

        var set = loaded.ClaimSet;
        Console.WriteLine($"{set.Claims.Count:N0} claims, {set.Sources.Count:N0} sources; {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        if (Array.IndexOf(args, "--dump") is var at and >= 0)
        {
            // Every projected fact, in order, with its list fields spelled out: two builds of the projection can be compared line by line.
            using var writer = new StreamWriter(args[at + 1]);
            foreach (var fact in FactProjection.Project(set)) writer.WriteLine(FactText.Of(fact));
            return 0;
        }

        var project = Measure("projection", runs, () => FactProjection.Project(set).Count + " facts");
        int? sessions = Array.IndexOf(args, "--sessions") is var s and >= 0 ? int.Parse(args[s + 1], CultureInfo.InvariantCulture) : null;
        Measure($"rule run (project, insert and fire, findings){(sessions is null ? string.Empty : $" in {sessions} session(s)")}", runs, () =>
        {
            var result = RuleRunner.Run(pack, set, parallelism: sessions);
            return $"{result.FactCount} facts, {result.Findings.Count} findings, {result.Errors.Count} rule errors";
        });

        if (args.Contains("--groups"))
        {
            // The sessions of a parallel run, each alone in one session: how well the partition balances them.
            var facts = FactProjection.Project(set);
            var groups = RulePartitioner.Partition(pack.Definitions, pack.WrittenTypes, facts.CountBy(f => f.GetType()).ToDictionary(), Environment.ProcessorCount);
            foreach (var group in groups)
            {
                var names = group.Rules.Select(r => r.Name).ToArray();
                var sample = Sample(3, () => RuleRunner.Run(pack, set, names, parallelism: 1).Findings.Count.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine($"  session of {names.Length} rules ({facts.Count(f => group.ReadsFactsOf(f.GetType())):N0} facts): wall {sample.Wall - project.Wall:F0} ms, cpu {sample.Cpu - project.Cpu:F0} ms, allocated {sample.Mb - project.Mb:F0} MB less the projection; {string.Join(", ", names)}");
            }
        }

        if (args.Contains("--per-rule"))
        {
            var costs = new List<(string Rule, double Wall, double Cpu, double Mb)>();
            foreach (var rule in pack.Rules.Select(r => r.Id))
            {
                var sample = Sample(3, () => RuleRunner.Run(pack, set, [rule]).Findings.Count.ToString(CultureInfo.InvariantCulture));
                costs.Add((rule, sample.Wall - project.Wall, sample.Cpu - project.Cpu, sample.Mb - project.Mb));
            }

            Console.WriteLine("each rule alone, less the projection (median of 3):");
            foreach (var (rule, wall, cpu, mb) in costs.OrderByDescending(c => c.Cpu))
            {
                Console.WriteLine($"  {rule,-40} wall {wall,7:F0} ms  cpu {cpu,7:F0} ms  allocated {mb,6:F0} MB");
            }
        }

        return 0;
    }

    private sealed record Result(double Wall, double Cpu, double Mb, double Paused, string Note);

    private static Result Measure(string name, int runs, Func<string> work)
    {
        var result = Sample(runs, work);
        Console.WriteLine($"{name}: median wall {result.Wall:F0} ms, cpu {result.Cpu:F0} ms, allocated {result.Mb:F0} MB, GC paused {result.Paused:F0} ms over {runs} runs after a warm-up; {result.Note}");
        return result;
    }

    private static Result Sample(int runs, Func<string> work)
    {
        var samples = new List<Result>();
        var process = Process.GetCurrentProcess();
        for (var run = 0; run <= runs; run++)
        {
            // Each run starts from a collected heap, as a new process would, so one run's garbage is not the next one's pause.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var note = work();
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            // The first run compiles the rules and warms the JIT: not counted.
            if (run == 0) continue;
            samples.Add(new Result(
                wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0),
                (GC.GetTotalPauseDuration() - paused).TotalMilliseconds, note));
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }

        return new Result(Median(samples.Select(s => s.Wall)), Median(samples.Select(s => s.Cpu)), Median(samples.Select(s => s.Mb)), Median(samples.Select(s => s.Paused)), samples[^1].Note);
    }
}
