using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using FactCheck.Engine;
using FactCheck.Engine.NRules;

// Engine benchmark: `dotnet run -c Release --project tests/FactCheck.Engine.Benchmarks [--large] [N ...]`.
// Each N runs on both engines (the built-in one, then NRules), each in a fresh child process so that peak memory is
// that run's alone. Default N: 1,000 and 10,000; --large adds 100,000 (NRules takes minutes there); --only ENGINE
// runs one engine.
if (args.Length >= 2 && args[0] == "--one")
{
    var engine = args.Length > 2 && args[2] == "nrules" ? NRulesEngine.Instance : RuleEngine.Default;
    return Workload.Run(int.Parse(args[1], CultureInfo.InvariantCulture), engine);
}

var large = args.Contains("--large");
// --only factcheck|nrules: one engine (e.g. the built-in one at 1,000,000, where NRules would take hours).
var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var numbers = args.Where((a, i) => a != "--large" && a != "--only" && (i == 0 || args[i - 1] != "--only"))
    .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
int[] sizes = numbers.Length > 0 ? numbers : large ? [1_000, 10_000, 100_000] : [1_000, 10_000];
Console.WriteLine($"FactCheck.Engine benchmark — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine();
Console.WriteLine("| N claims | engine | compile | insert | fire | insert+fire | CPU insert / fire | GC pauses | GCs (gen 0/1/2) | allocated insert / fire | activations fired | peak working set | retract+insert one claim | insert+fire vs factcheck |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in sizes)
{
    double? baseline = null;
    foreach (var engine in ((string[])["factcheck", "nrules"]).Where(e => only is null || e == only))
    {
        var (row, total) = RunChild(n, engine);
        if (row is null) return 1;
        baseline ??= total;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row} {total / baseline:F1}× |"));
    }
}

return 0;

static (string? Row, double Total) RunChild(int n, string engine)
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
        return (null, 0);
    }

    // The child's second line is its insert+fire time in milliseconds, for the ratio.
    return (lines[0], double.Parse(lines[1], CultureInfo.InvariantCulture));
}

/// <summary>Claims with N/10 propositions and random polarity; N/2 attributions; contradiction and unattributed rules.</summary>
internal static class Workload
{
    public static int Run(int n, IRuleEngine engine)
    {
        using var trace = Environment.GetEnvironmentVariable("FACTCHECK_GC_TRACE") == "1" ? new GcTrace() : null;
        var rng = new Random(12345);
        var claims = new Claim[n];
        var propositions = Math.Max(1, n / 10);
        for (var i = 0; i < n; i++) claims[i] = new Claim(i, $"p{rng.Next(propositions)}", rng.Next(2) == 0);
        var facts = new List<object>(n + n / 2);
        facts.AddRange(claims);
        for (var i = 0; i < n / 2; i++) facts.Add(new Attribution(rng.Next(n)));

        var sw = Stopwatch.StartNew();
        var rules = engine.Compile(Rules(out var counter));
        var compile = sw.Elapsed;

        var session = rules.CreateSession(new SessionOptions { RecordFirings = false, MaxFirings = int.MaxValue });
        // CPU time is the whole process's (user + system, all threads: the GC's work and page faults included), which is
        // steadier than wall time when other jobs share the machine.
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var pauses = GC.GetTotalPauseDuration();
        var allocated0 = GC.GetTotalAllocatedBytes(true);
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        sw.Restart();
        session.InsertAll(facts);
        var insert = sw.Elapsed;
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated1 = GC.GetTotalAllocatedBytes(true);
        sw.Restart();
        var fired = session.Fire();
        var fire = sw.Elapsed;
        var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated2 = GC.GetTotalAllocatedBytes(true);
        pauses = GC.GetTotalPauseDuration() - pauses;
        for (var g = 0; g < collections.Length; g++) collections[g] = GC.CollectionCount(g) - collections[g];
        if (fired != counter.Count) throw new InvalidOperationException("firing count mismatch");

        var churn = "";
        if (n == 100_000)
        {
            // Retract and re-insert single claims; the re-inserted claim's activations wait on the agenda.
            const int rounds = 2_000;
            for (var i = 0; i < 200; i++)
            {
                session.Retract(claims[i]);
                session.Insert(claims[i]);
            }
            sw.Restart();
            for (var i = 0; i < rounds; i++)
            {
                var c = claims[(i * 7919) % n];
                session.Retract(c);
                session.Insert(c);
            }
            churn = $"{sw.Elapsed.TotalMilliseconds * 1000 / rounds:F1} µs";
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {engine.Name} | {Ms(compile)} | {Ms(insert)} | {Ms(fire)} | {Ms(insert + fire)} | {Ms(cpu1 - cpu0)} / {Ms(cpu2 - cpu1)} | {Ms(pauses)} | {collections[0]}/{collections[1]}/{collections[2]} | {Mb(allocated1 - allocated0)} / {Mb(allocated2 - allocated1)} | {fired:N0} | {peak / (1024.0 * 1024):F0} MB | {churn} |"));
        Console.WriteLine((insert + fire).TotalMilliseconds.ToString(CultureInfo.InvariantCulture));
        GC.KeepAlive(session);
        return 0;
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F0} ms");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MB");

    private sealed class Counter
    {
        public int Count;
    }

    private static List<RuleDefinition> Rules(out Counter counter)
    {
        var c = new Counter();
        counter = c;
        // Built as LambdaExpressions, as the YAML rule compiler would, so join keys are extracted from them.
        Expression<Func<Claim, Claim, bool>> contradicts = (b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity;
        Expression<Func<Attribution, Claim, bool>> attributes = (x, claim) => x.ClaimId == claim.Id;
        return
        [
            new RuleDefinition("contradiction", 0,
                new AndElement(new PatternElement("a", typeof(Claim)), new PatternElement("b", typeof(Claim), [contradicts])),
                [new RuleAction(ctx =>
                {
                    if (ctx.Get<Claim>("a").Id >= 0) c.Count++;
                })]),
            new RuleDefinition("unattributed", 0,
                new AndElement(new PatternElement("claim", typeof(Claim)), new NotElement(new PatternElement("x", typeof(Attribution), [attributes]))),
                [new RuleAction(ctx =>
                {
                    if (ctx.Get<Claim>("claim").Id >= 0) c.Count++;
                })]),
        ];
    }
}

internal sealed record Claim(int Id, string Proposition, bool Polarity);

internal sealed record Attribution(int ClaimId);
