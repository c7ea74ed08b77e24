using System.Diagnostics;
using System.Globalization;
using FactCheck.Engine;
using FactCheck.Engine.NRules;

// Engine benchmark: `dotnet run -c Release --project tests/FactCheck.Engine.Benchmarks [--large] [--runs K] [--only E,...] [N ...]`.
// Each N runs on the built-in engine, on the SQL floor (the same two rules as SQL over SQLite in memory) and, up to
// N = 10,000 or when named with --only, on NRules; each run in a fresh child process with the same runtime settings,
// so that peak memory is that run's alone. Default N: 1,000 and 10,000; --large adds 100,000. --runs K runs each
// engine K times (rounds alternating the engines) and the last table gives medians and the ratio to the SQL floor.
if (args.Length >= 2 && args[0] == "--one")
{
    var n = int.Parse(args[1], CultureInfo.InvariantCulture);
    var which = args.Length > 2 ? args[2] : "factcheck";
    return which switch
    {
        "sql" => SqlFloor.Run(n),
        "nrules" => Workload.Run(n, NRulesEngine.Instance),
        _ => Workload.Run(n, RuleEngine.Default),
    };
}

string[] known = ["factcheck", "sql", "nrules"];
var large = args.Contains("--large");
string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (only?.FirstOrDefault(e => !known.Contains(e)) is { } unknown)
{
    Console.Error.WriteLine($"--only: unknown engine '{unknown}' (one or more of {string.Join(", ", known)}, comma-separated)");
    return 2;
}
var runs = int.Parse(Option("--runs") ?? "1", CultureInfo.InvariantCulture);
var numbers = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--only" or "--runs")))
    .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
int[] sizes = numbers.Length > 0 ? numbers : large ? [1_000, 10_000, 100_000] : [1_000, 10_000];
Console.WriteLine($"FactCheck.Engine benchmark — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| N claims | engine | compile | insert | fire | insert+fire | CPU insert / fire | GC pauses | GCs (gen 0/1/2) | allocated insert / fire | activations fired | peak working set | retract+insert one claim |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var summary = new List<string>();
foreach (var n in sizes)
{
    // NRules joins by nested loops: past 10,000 claims it takes minutes (hours at a million), so only when named.
    var engines = known.Where(e => only is null ? e != "nrules" || n <= 10_000 : only.Contains(e)).ToList();
    var results = engines.ToDictionary(e => e, _ => new List<Result>());
    // Rounds alternate the engines, so that a busy moment of a shared machine does not fall on one engine only.
    for (var r = 0; r < runs; r++)
    {
        foreach (var engine in engines)
        {
            if (RunChild(n, engine) is not { } result) return 1;
            Console.WriteLine(result.Row);
            results[engine].Add(result);
        }
    }
    double? floor = results.TryGetValue("sql", out var sql) ? Median(sql.Select(x => x.Wall)) : null;
    double? floorCpu = sql is null ? null : Median(sql.Select(x => x.Cpu));
    foreach (var engine in engines)
    {
        var list = results[engine];
        var wall = Median(list.Select(x => x.Wall));
        var cpu = Median(list.Select(x => x.Cpu));
        var ratio = floor is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{wall / floor:F2}× / {cpu / floorCpu:F2}×");
        summary.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {engine} | {runs} | **{wall:F0} ms** ({list.Min(x => x.Wall):F0}–{list.Max(x => x.Wall):F0}) | {cpu:F0} ms ({list.Min(x => x.Cpu):F0}–{list.Max(x => x.Cpu):F0}) | {Median(list.Select(x => x.PeakMb)):F0} MB | {ratio} |"));
    }
}

Console.WriteLine();
Console.WriteLine($"Medians (load average now {LoadAverage()}):");
Console.WriteLine();
Console.WriteLine("| N claims | engine | runs | insert+fire (min–max) | CPU insert+fire (min–max) | peak working set | vs the SQL floor (wall / CPU) |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
foreach (var line in summary) Console.WriteLine(line);
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}

static Result? RunChild(int n, string engine)
{
    var psi = new ProcessStartInfo(Environment.ProcessPath!)
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    if (!Environment.ProcessPath!.EndsWith("FactCheck.Engine.Benchmarks", StringComparison.Ordinal)
        && !Environment.ProcessPath.EndsWith("FactCheck.Engine.Benchmarks.exe", StringComparison.Ordinal))
    {
        psi.ArgumentList.Add(typeof(Workload).Assembly.Location);
    }
    psi.ArgumentList.Add("--one");
    psi.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
    psi.ArgumentList.Add(engine);
    using var child = Process.Start(psi)!;
    var lines = child.StandardOutput.ReadToEnd().Trim().Split('\n');
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        Console.Error.WriteLine($"N={n} {engine}: child failed ({child.ExitCode}): {string.Join('\n', lines)}");
        return null;
    }

    // The child's second line: insert+fire wall time, CPU time (ms) and peak working set (MB), for the medians.
    var figures = lines[1].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
    return new Result(lines[0], figures[0], figures[1], figures[2]);
}

internal sealed record Result(string Row, double Wall, double Cpu, double PeakMb);
