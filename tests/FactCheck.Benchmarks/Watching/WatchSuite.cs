using System.Diagnostics;
using System.Globalization;
using FactCheck.Benchmarks.EndToEnd;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Watching;
using FactCheck.Rules.Language;

namespace FactCheck.Benchmarks.Watching;

/// <summary>
/// <c>check --watch</c>: the time from a save to the new findings (<see cref="WatchSession.Apply"/>, without the
/// file-system watcher's 100 ms debounce), editing one claim in the first, a middle and the last file of a generated
/// corpus, and a full <c>check</c> run in the same process for comparison.
/// </summary>
public sealed class WatchSuite : IBenchmarkSuite
{
    public string Name => "watch";

    public string Description => "per-save time of check --watch: watch [claims=100000] [saves=5]";

    public int Run(string[] args)
    {
        var claims = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var saves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var work = Path.Combine(Path.GetTempPath(), "factcheck-watch-bench-" + Guid.NewGuid().ToString("N"));
        var claimsDir = Path.Combine(work, "claims");
        try
        {
            CorpusGenerator.Write(claimsDir, claims);
            var rules = Path.Combine(FindRepository(), "rules");
            var options = new CheckOptions(claimsDir, rules, null, null, RuleSeverity.Error, []);
            var clock = Stopwatch.StartNew();
            var session = new WatchSession(options, work);
            Console.WriteLine($"{claims:N0} claims, {session.Outcome.Findings.Count:N0} findings; watch session started in {clock.Elapsed.TotalSeconds:F2} s");
            clock.Restart();
            var full = CheckRunner.Run(options, work);
            Console.WriteLine($"a full check in the same process (no report): {clock.Elapsed.TotalSeconds:F2} s, {full.Findings.Count:N0} findings");

            var files = Directory.GetFiles(claimsDir, "claims-*.yaml").Order(StringComparer.Ordinal).ToArray();
            Console.WriteLine($"{"edited file",-22} {"median ms",10} {"min ms",8} {"max ms",8}  facts retracted/inserted (last save)");
            foreach (var file in new[] { files[0], files[files.Length / 2], files[^1] })
            {
                var original = File.ReadAllText(file);
                var times = new List<double>();
                WatchUpdate? last = null;
                for (var save = 0; save < saves; save++)
                {
                    // Alternately drift a quote of the file's first claim and put it back: each save changes findings.
                    var text = save % 2 == 0 ? original.Replace("going well\"", "going quite well\"", StringComparison.Ordinal) : original;
                    File.WriteAllText(file, text);
                    clock.Restart();
                    last = session.Apply(new HashSet<string> { file }, rulesChanged: false);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                File.WriteAllText(file, original);
                session.Apply(new HashSet<string> { file }, rulesChanged: false);
                times.Sort();
                Console.WriteLine(
                    $"{Path.GetFileName(file),-22} {times[times.Count / 2],10:F0} {times[0],8:F0} {times[^1],8:F0}  {last!.FactsRetracted:N0}/{last.FactsInserted:N0} ({last.New.Count} new, {last.Fixed.Count} fixed)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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
