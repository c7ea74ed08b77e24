using System.Diagnostics;
using System.Globalization;
using FactCheck.Cli;

namespace FactCheck.Benchmarks.EndToEnd;

/// <summary>
/// <c>factcheck validate</c> on 10,000 claims and <c>factcheck check</c> (report included) on 100,000,
/// run in-process as the command line runs them, on a generated corpus. Each is run several times;
/// the first run includes JIT and is reported apart.
/// </summary>
public sealed class EndToEndSuite : IBenchmarkSuite
{
    public string Name => "e2e";

    public string Description => "validate on 10,000 claims and check on 100,000 claims (with the SQLite report); options: [validateN] [checkN] [runs], or: generate DIR N";

    public int Run(string[] args)
    {
        if (args is ["generate", var directory, var count])
        {
            var written = CorpusGenerator.Write(directory, int.Parse(count, CultureInfo.InvariantCulture));
            Console.WriteLine($"wrote {count} claims ({written / (1024.0 * 1024.0):F1} MiB) to {directory}");
            return 0;
        }

        var validateN = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var checkN = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var repository = FindRepository();
        var work = Directory.CreateTempSubdirectory("factcheck-e2e-").FullName;
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
            Measure("validate", validateN, runs, work, repository, claimsDir => ["validate", claimsDir]);
            Measure("check", checkN, runs, work, repository, claimsDir =>
                // --no-server: each run is a process doing the whole check, not answered by a session the first one started.
                ["check", "--claims", claimsDir, "--rules", Path.Combine(repository, "rules"), "--db", Path.Combine(work, $"report-{checkN}.db"), "--fail-on", "never", "--no-server"]);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Measure(string command, int claims, int runs, string work, string repository, Func<string, string[]> arguments)
    {
        var claimsDir = Path.Combine(work, $"claims-{command}-{claims}");
        var bytes = CorpusGenerator.Write(claimsDir, claims);
        var files = Directory.GetFiles(claimsDir).Length;
        Console.WriteLine($"{command}: {claims:N0} claims, {files} files, {bytes / (1024.0 * 1024.0):F1} MiB of YAML");
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var output = new StringWriter();
            var clock = Stopwatch.StartNew();
            var code = FactCheckApp.Run(arguments(claimsDir), output, TextWriter.Null);
            clock.Stop();
            var tail = output.ToString().TrimEnd().Split('\n')[^1];
            Console.WriteLine($"  run {i}{(i == 0 ? " (cold, JIT)" : "")}: {clock.Elapsed.TotalMilliseconds:F0} ms, exit {code}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB: {tail}");
            if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"  {command} {claims:N0}: median {times[times.Count / 2]:F0} ms, best {times[0]:F0} ms over {runs} warm runs");
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
