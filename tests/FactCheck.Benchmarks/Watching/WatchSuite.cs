using System.Diagnostics;
using System.Globalization;
using FactCheck.Benchmarks.EndToEnd;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Watching;
using FactCheck.Rules.Language;

namespace FactCheck.Benchmarks.Watching;

/// <summary>
/// <c>check --watch</c>: the time from a save to the new findings (<see cref="WatchSession.Apply"/>, without the
/// file-system watcher's 100 ms debounce) on generated corpora. Each save moves the date of the first claim of a file
/// (the first, a middle and the last file of the folder) a day or puts it back, so every save changes findings; the median,
/// minimum and maximum wall time and the median CPU time of the process per save are printed, after
/// warm-up saves.
/// </summary>
public sealed class WatchSuite : IBenchmarkSuite
{
    private const int WarmUpSaves = 40;

    public string Name => "watch";

    public string Description => "per-save time of check --watch: watch [claims=10000,100000] [saves=9] [full: also time a full check in the same process]";

    public int Run(string[] args)
    {
        var sizes = (args.Length > 0 ? args[0] : "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var saves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
        var full = args.Contains("full");
        Console.WriteLine($"{"claims",8} {"edited file",-18} {"median ms",10} {"min ms",8} {"max ms",8} {"cpu ms",8}  facts out/in, findings new/fixed (last save)");
        foreach (var claims in sizes) Measure(claims, saves, full);
        return 0;
    }

    private static void Measure(int claims, int saves, bool full)
    {
        var work = Path.Combine(Path.GetTempPath(), "factcheck-watch-bench-" + Guid.NewGuid().ToString("N"));
        var claimsDir = Path.Combine(work, "claims");
        try
        {
            CorpusGenerator.Write(claimsDir, claims);
            var rules = Path.Combine(FindRepository(), "rules");
            var options = new CheckOptions(claimsDir, rules, null, null, RuleSeverity.Error, []);
            var clock = Stopwatch.StartNew();
            var session = new WatchSession(options, work);
            Console.WriteLine($"{claims,8} watch session started in {clock.Elapsed.TotalSeconds:F2} s: {session.Outcome.Findings.Count:N0} findings");
            if (full)
            {
                clock.Restart();
                var check = CheckRunner.Run(options, work);
                Console.WriteLine($"{claims,8} a full check in the same process (no report): {clock.Elapsed.TotalSeconds:F2} s, {check.Findings.Count:N0} findings");
            }

            var files = Directory.GetFiles(claimsDir, "claims-*.yaml").Order(StringComparer.Ordinal).ToArray();
            var process = Process.GetCurrentProcess();

            // Warm-up, not counted: a long-running session's code is compiled again optimised after some 30 calls, on
            // background threads whose CPU time would otherwise land on the first saves measured.
            var warm = files[1];
            var warmText = File.ReadAllText(warm);
            for (var save = 0; save < WarmUpSaves; save++)
            {
                File.WriteAllText(warm, save % 2 == 0 ? MoveFirstDate(warmText) : warmText);
                session.Apply(new HashSet<string> { warm }, rulesChanged: false);
            }

            File.WriteAllText(warm, warmText);
            session.Apply(new HashSet<string> { warm }, rulesChanged: false);
            Thread.Sleep(2000);
            foreach (var file in new[] { files[0], files[files.Length / 2], files[^1] })
            {
                var original = File.ReadAllText(file);
                var times = new List<double>();
                var cpu = new List<double>();
                WatchUpdate? last = null;
                for (var save = 0; save < saves; save++)
                {
                    File.WriteAllText(file, save % 2 == 0 ? MoveFirstDate(original) : original);
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    clock.Restart();
                    last = session.Apply(new HashSet<string> { file }, rulesChanged: false);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }

                File.WriteAllText(file, original);
                session.Apply(new HashSet<string> { file }, rulesChanged: false);
                times.Sort();
                cpu.Sort();
                Console.WriteLine(
                    $"{claims,8} {Path.GetFileName(file),-18} {times[times.Count / 2],10:F0} {times[0],8:F0} {times[^1],8:F0} {cpu[cpu.Count / 2],8:F0}  "
                    + $"{last!.FactsRetracted:N0}/{last.FactsInserted:N0}, {last.New.Count}/{last.Fixed.Count}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The file with its first claim's date moved a day (2023-11-02 to 2023-11-03): one claim edited, and its "on
    /// Thursday" no longer fits the date, so the save changes findings.
    /// </summary>
    private static string MoveFirstDate(string text)
    {
        const string date = "date: 2023-11-";
        var at = text.IndexOf(date, StringComparison.Ordinal) + date.Length;
        if (at < date.Length) throw new InvalidOperationException("the generated file has no date to move");
        var day = int.Parse(text.AsSpan(at, 2), CultureInfo.InvariantCulture);
        return string.Concat(text.AsSpan(0, at), (day % 28 + 1).ToString("D2", CultureInfo.InvariantCulture), text.AsSpan(at + 2));
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
