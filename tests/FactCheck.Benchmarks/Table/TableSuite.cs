using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Benchmarks.EndToEnd;

namespace FactCheck.Benchmarks.Table;

/// <summary>
/// The whole performance table of issue #16, each step as processes: the engine benchmark's insert+fire at 100,000
/// and 1,000,000 claims, <c>validate</c> on 10,000 claims, a cold <c>check</c> on 100,000 (report written), the same
/// check after one file changed (a new process; with the parsed-file cache where the build has one), the same answered
/// by the session an earlier check started by itself and by a running <c>factcheck serve</c>, and one save in watch mode. Builds the CLI and the engine benchmark once, generates the corpora, runs each step N times and prints
/// a Markdown table: median (min–max), CPU, peak resident memory, and the target met or missed.
/// </summary>
/// <remarks>
/// Usage: <c>table [runs=3] [--claims N] [--validate-claims N] [--only engine,validate,check,incremental,served,watch]
/// [--no-build] [--plain] [-- extra check arguments]</c>. The CLI is measured as installed (ReadyToRun, published into
/// the work folder); <c>--plain</c> measures the plain Release build instead. Arguments after <c>--</c> are passed to every <c>check</c>.
/// Cold runs start without a report and without a cache: <c>--no-cache</c> is passed when the CLI has it, and the
/// cache folders (XDG_CACHE_HOME, XDG_DATA_HOME) point into the work folder, emptied before each cold run.
/// </remarks>
public sealed partial class TableSuite : IBenchmarkSuite
{
    private const double Gib = 1024.0 * 1024 * 1024;

    public string Name => "table";

    public string Description => "the issue #16 table as processes: engine, validate, cold check, incremental check, watch: table [runs=3] [--claims N] [--only a,b] [--no-build] [--plain] [-- check args]";

    public int Run(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var extra = separator >= 0 ? args[(separator + 1)..] : [];
        var own = separator >= 0 ? args[..separator] : args;
        var runs = own.Length > 0 && int.TryParse(own[0], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var claims = Option(own, "--claims") ?? 100_000;
        var validateClaims = Option(own, "--validate-claims") ?? 10_000;
        var only = OptionText(own, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        bool Wanted(string step) => only is null || only.Contains(step);

        var repository = FindRepository();
        var work = Directory.CreateTempSubdirectory("factcheck-table-").FullName;
        try
        {
            Console.WriteLine($"# FactCheck performance table ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}; {runs} runs per step, each a new process.");
            if (!own.Contains("--no-build") && !Build(repository, Wanted("engine"))) return 1;

            if ((own.Contains("--plain") ? Cli(repository) : Installed(repository, work)) is not { } cli) return 1;
            var rows = new List<Row>();
            if (Wanted("engine"))
            {
                foreach (var n in new[] { 100_000, 1_000_000 })
                {
                    rows.Add(Engine(repository, n, runs, n == 100_000 ? 280 : 3_600));
                }
            }

            if (Wanted("validate"))
            {
                var corpus = Path.Combine(work, $"claims-{validateClaims}");
                CorpusGenerator.Write(corpus, validateClaims);
                rows.Add(Step($"validate, {validateClaims:N0} claims", "< 0.3 s", 300, null, runs, () => { },
                    () => ChildProcess.Run(cli.Program, [.. cli.Prefix, "validate", corpus])));
            }

            if (Wanted("check") || Wanted("incremental") || Wanted("served"))
            {
                var corpus = Path.Combine(work, $"claims-{claims}");
                CorpusGenerator.Write(corpus, claims);
                var hasNoCache = ChildProcess.Run(cli.Program, [.. cli.Prefix, "check", "--help"]).Output.Contains("--no-cache", StringComparison.Ordinal);
                var cache = Path.Combine(work, "cache");
                var runtime = Path.Combine(work, "runtime");
                if (!OperatingSystem.IsWindows()) Directory.CreateDirectory(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var environment = new Dictionary<string, string>
                {
                    ["XDG_CACHE_HOME"] = Path.Combine(cache, "xdg-cache"),
                    ["XDG_DATA_HOME"] = Path.Combine(cache, "xdg-data"),
                    // Sessions the checks start (and `serve`'s) listen here, not in the user's runtime folder.
                    ["XDG_RUNTIME_DIR"] = runtime,
                };
                var report = Path.Combine(work, "report.db");
                string[] Check(bool cold) =>
                [
                    .. cli.Prefix, "check", "--claims", corpus, "--rules", Path.Combine(repository, "rules"), "--db", report, "--fail-on", "never",
                    .. cold && hasNoCache ? ["--no-cache"] : Array.Empty<string>(), .. extra,
                ];
                void Fresh()
                {
                    foreach (var file in new[] { report, report + "-wal", report + "-shm" }) File.Delete(file);
                    if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
                }

                if (Wanted("check"))
                {
                    rows.Add(Step($"cold check, {claims:N0} claims (report written)", "< 5 s, < 1 GB", 5_000, 1.0, runs, Fresh, () => ChildProcess.Run(cli.Program, Check(cold: true), environment)));
                }

                if (Wanted("incremental"))
                {
                    var incremental = Incremental(cli, work, corpus, claims, runs, environment, Check);
                    if (incremental is null) return 1;
                    rows.AddRange(incremental);
                }

                if (Wanted("served"))
                {
                    var rows0 = Served(cli, work, corpus, Path.Combine(repository, "rules"), claims, runs, environment, [.. Check(cold: false).Skip(cli.Prefix.Length + 1)]);
                    if (rows0 is null) return 1;
                    rows.AddRange(rows0);
                }
            }

            if (Wanted("watch"))
            {
                rows.Add(Watch(claims, runs));
            }

            Console.WriteLine();
            Console.WriteLine("| step | target | median (min–max) | CPU, median | peak RSS, max | target |");
            Console.WriteLine("|---|---|---:|---:|---:|---|");
            foreach (var row in rows)
            {
                Console.WriteLine($"| {row.Step} | {row.Target} | {row.Time} | {row.Cpu} | {row.Peak} | {(row.Met ? "met" : "**missed**")} |");
            }

            Console.WriteLine();
            Console.WriteLine($"Load average at the end {LoadAverage()} (the machine may be shared: compare CPU as well as wall time).");
            foreach (var row in rows.Where(r => r.Note is not null)) Console.WriteLine($"- {row.Step}: {row.Note}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// <c>check</c> after one file changed, as a new process: with <c>--no-server</c> (the parsed-file cache only), then
    /// answered by the session the first check started by itself (AutoStart; the benchmark waits until it listens), with
    /// the report written and with <c>--no-report</c>. FACTCHECK_DEBUG=1 makes a check that was not served say so,
    /// which fails the row. The CPU column is the check process's; the session's CPU per check and its resident memory
    /// are in the note.
    /// </summary>
    private static List<Row>? Incremental(
        (string Program, string[] Prefix) cli, string work, string corpus, int claims, int runs, Dictionary<string, string> environment, Func<bool, string[]> check)
    {
        var file = Directory.GetFiles(corpus, "claims-*.yaml").Order(StringComparer.Ordinal).ToArray() is var files && files.Length > 0
            ? files[files.Length / 2]
            : throw new InvalidOperationException("the corpus has no claims files");
        var original = File.ReadAllText(file);
        var edits = 0;
        void Edit() => File.WriteAllText(file, edits++ % 2 == 0 ? original.Replace("going well\"", "going quite well\"", StringComparison.Ordinal) : original);
        var rows = new List<Row>();
        var debug = new Dictionary<string, string>(environment) { ["FACTCHECK_DEBUG"] = "1" };
        try
        {
            // One run fills the report and the cache, and starts the session; --no-server first, so that none answers yet.
            string[] noServer = [.. check(false), "--no-server"];
            var primed = ChildProcess.Run(cli.Program, noServer, environment, work);
            if (primed.ExitCode is not (0 or 1))
            {
                Failed("check (priming the incremental runs)", primed);
                return null;
            }

            rows.Add(Step($"check after one file changed, {claims:N0} claims, new process, --no-server (parsed-file cache)", "< 1 s", 1_000, null, runs, Edit,
                () => ChildProcess.Run(cli.Program, noServer, environment, work)));

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var starting = ChildProcess.Run(cli.Program, check(false), debug, work);
            if (!starting.Errors.Contains("started a session", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"the check started no session: {Tail(starting.Errors)}");
                return null;
            }

            var sockets = Path.Combine(environment["XDG_RUNTIME_DIR"], "factcheck");
            while (!(Directory.Exists(sockets) && Directory.GetFiles(sockets, "*.sock").Length > 0))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    Console.Error.WriteLine("the session the check started did not listen within 5 minutes");
                    return null;
                }

                Thread.Sleep(100);
            }

            Console.WriteLine($"the session a check started listened {clock.Elapsed.TotalSeconds:F1} s after that check began");
            var session = SessionProcess(corpus);
            foreach (var report in new[] { true, false })
            {
                var sessionCpu = new List<double>();
                string[] arguments = [.. check(false), .. report ? Array.Empty<string>() : ["--no-report"]];
                var row = Step(
                    $"check after one file changed, {claims:N0} claims, new process answered by the session an earlier check started{(report ? " (report written)" : ", --no-report")}", "< 1 s", 1_000, null, runs,
                    Edit,
                    () =>
                    {
                        var before = session?.TotalProcessorTime ?? TimeSpan.Zero;
                        var run = ChildProcess.Run(cli.Program, arguments, debug, work);
                        session?.Refresh();
                        if (session is not null) sessionCpu.Add((session.TotalProcessorTime - before).TotalSeconds);
                        // Not served: a failed row, not an in-process time under the session's name.
                        return run.Errors.Contains("checking in this process", StringComparison.Ordinal) ? run with { ExitCode = 99 } : run;
                    });
                session?.Refresh();
                var busy = session?.WorkingSet64 ?? 0;
                // The session gives back what a check left once it has been idle for 2 s.
                Thread.Sleep(TimeSpan.FromSeconds(5));
                session?.Refresh();
                var memory = session is null ? "unknown"
                    : $"{Memory(busy)} right after the checks, {Memory(session.WorkingSet64)} after 5 s idle (peak {Memory(session.PeakWorkingSet64)})";
                rows.Add(row with { Note = $"the session's CPU per check, median {(sessionCpu.Count > 0 ? Median(sessionCpu) : double.NaN):F2} s; its resident memory {memory}" + (row.Note is null ? string.Empty : "; " + row.Note) });
            }

            return rows;
        }
        finally
        {
            File.WriteAllText(file, original);
            ChildProcess.Run(cli.Program, [.. cli.Prefix, "serve", "--stop"], environment, work);
        }
    }

    /// <summary>The background session serving <paramref name="corpus"/> (its command line names it).</summary>
    private static System.Diagnostics.Process? SessionProcess(string corpus)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline"));
                if (commandLine.Contains("serve\0--background", StringComparison.Ordinal) && commandLine.Contains(corpus, StringComparison.Ordinal)) return System.Diagnostics.Process.GetProcessById(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone meanwhile, or not ours.
            }
        }

        return null;
    }

    /// <summary>
    /// <c>check</c> after one file changed, answered by a running session: <c>factcheck serve</c> started once on the
    /// corpus (in a private runtime folder of the work folder), then each measured check follows a save of one file,
    /// with the report written and with <c>--no-report</c>. FACTCHECK_DEBUG=1 makes a check that was not served say
    /// so, which fails the row. The CPU column is the check process's; the session's CPU per check is in the note.
    /// </summary>
    private static List<Row>? Served(
        (string Program, string[] Prefix) cli, string work, string corpus, string rules, int claims, int runs, Dictionary<string, string> environment, string[] checkArguments)
    {
        var runtime = Path.Combine(work, "runtime");
        if (OperatingSystem.IsWindows()) return [];
        Directory.CreateDirectory(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var served = new Dictionary<string, string>(environment) { ["XDG_RUNTIME_DIR"] = runtime, ["FACTCHECK_DEBUG"] = "1" };
        var start = new System.Diagnostics.ProcessStartInfo(cli.Program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = work };
        foreach (var argument in (string[])[.. cli.Prefix, "serve", "--claims", corpus, "--rules", rules]) start.ArgumentList.Add(argument);
        foreach (var (name, value) in served) start.Environment[name] = value;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var session = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start factcheck serve");
        try
        {
            var line = session.StandardError.ReadLine();
            // With FACTCHECK_DEBUG=1 the session says first which garbage collector it runs with.
            while (line is not null && line.StartsWith("factcheck: garbage collection:", StringComparison.Ordinal)) line = session.StandardError.ReadLine();
            if (line is null || !line.Contains("serving", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"factcheck serve did not start: {line}{session.StandardError.ReadToEnd()}");
                return null;
            }

            Console.WriteLine($"session started in {clock.Elapsed.TotalSeconds:F1} s");
            var file = Directory.GetFiles(corpus, "claims-*.yaml").Order(StringComparer.Ordinal).ToArray() is var files && files.Length > 0
                ? files[(files.Length / 2) + 1]
                : throw new InvalidOperationException("the corpus has no claims files");
            var original = File.ReadAllText(file);
            var edits = 0;
            var rows = new List<Row>();
            foreach (var report in new[] { true, false })
            {
                var sessionCpu = new List<double>();
                string[] arguments = [.. cli.Prefix, "check", .. checkArguments, .. report ? Array.Empty<string>() : ["--no-report"]];
                var row = Step(
                    $"check after one file changed, through a running `factcheck serve`, {claims:N0} claims{(report ? " (report written)" : ", --no-report")}", "< 1 s", 1_000, null, runs,
                    () => File.WriteAllText(file, edits++ % 2 == 0 ? original.Replace("going well\"", "going quite well\"", StringComparison.Ordinal) : original),
                    () =>
                    {
                        session.Refresh();
                        var before = session.TotalProcessorTime;
                        var run = ChildProcess.Run(cli.Program, arguments, served, work);
                        session.Refresh();
                        sessionCpu.Add((session.TotalProcessorTime - before).TotalSeconds);
                        // Not served: a failed row, not an in-process time under the session's name.
                        return run.Errors.Contains("checking in this process", StringComparison.Ordinal) ? run with { ExitCode = 99 } : run;
                    });
                rows.Add(row with { Note = $"the session's CPU per check, median {Median(sessionCpu):F2} s; its resident memory {Memory(session.WorkingSet64)}" + (row.Note is null ? string.Empty : "; " + row.Note) });
            }

            File.WriteAllText(file, original);
            return rows;
        }
        finally
        {
            session.Kill();
            session.WaitForExit();
        }
    }

    /// <summary>Builds the CLI and the engine benchmark once, in Release, as the steps run them.</summary>
    private static bool Build(string repository, bool engine)
    {
        IEnumerable<string> projects = engine ? ["src/FactCheck.Cli", "tests/FactCheck.Engine.Benchmarks"] : ["src/FactCheck.Cli"];
        foreach (var project in projects)
        {
            var build = ChildProcess.Run("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "quiet"], workingDirectory: repository);
            Console.WriteLine($"built {project} in {build.Wall.TotalSeconds:F1} s");
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(build.Output + build.Errors);
                return false;
            }
        }

        return true;
    }

    /// <summary>The engine benchmark's own measurement of one size (its child mode), run as a process here.</summary>
    private static Row Engine(string repository, int n, int runs, double targetMs)
    {
        var dll = Path.Combine(repository, "tests/FactCheck.Engine.Benchmarks/bin/Release/net10.0/FactCheck.Engine.Benchmarks.dll");
        var times = new List<double>();
        var cpus = new List<double>();
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            var run = ChildProcess.Run("dotnet", [dll, "--one", n.ToString(CultureInfo.InvariantCulture), "factcheck"]);
            // The child prints its table row, then a line "insert+fire-ms cpu-ms peak-MB": the first number is the measure.
            var last = run.Output.Trim().Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (run.ExitCode != 0 || last.Length == 0 || !double.TryParse(last[0], CultureInfo.InvariantCulture, out var ms))
            {
                return new Row($"engine insert+fire, {n:N0} claims", $"≤ {targetMs / 1000:0.##} s, ≤ 1 GB", "failed", "", "", false, $"exit {run.ExitCode}: {run.Output}{run.Errors}".Trim());
            }

            times.Add(ms);
            cpus.Add(run.Cpu.TotalSeconds);
            peak = Math.Max(peak, run.PeakBytes);
        }

        var median = Median(times);
        return new Row(
            $"engine insert+fire, {n:N0} claims", $"≤ {targetMs / 1000:0.##} s, ≤ 1 GB", Seconds(times), $"{Median(cpus):F2} s (whole process)", Memory(peak),
            median <= targetMs && peak <= Gib, "the engine benchmark's pair and `not` rules; time is its insert+fire, CPU and memory the whole process's");
    }

    /// <summary>A step run <paramref name="runs"/> times, each after <paramref name="before"/>; its wall time is the measure.</summary>
    private static Row Step(string name, string target, double targetMs, double? targetGib, int runs, Action before, Func<Measurement> run)
    {
        var times = new List<double>();
        var cpus = new List<double>();
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            before();
            var measured = run();
            if (measured.ExitCode is not (0 or 1))
            {
                return new Row(name, target, "failed", "", "", false, $"exit {measured.ExitCode}: {Tail(measured.Errors + measured.Output)}");
            }

            times.Add(measured.Wall.TotalMilliseconds);
            cpus.Add(measured.Cpu.TotalSeconds);
            peak = Math.Max(peak, measured.PeakBytes);
        }

        var met = Median(times) < targetMs && (targetGib is not { } gib || peak < gib * Gib);
        return new Row(name, target, Seconds(times), $"{Median(cpus):F2} s", Memory(peak), met, null);
    }

    /// <summary>
    /// One save in watch mode: the watch benchmark (tests/FactCheck.Benchmarks/Watching) in a child process, which times
    /// WatchSession.Apply on the first, a middle and the last file; the row takes every save it timed.
    /// </summary>
    private static Row Watch(int claims, int saves)
    {
        var name = $"watch mode, one save, {claims:N0} claims";
        var run = ChildProcess.Run("dotnet", [typeof(TableSuite).Assembly.Location, "watch", claims.ToString(CultureInfo.InvariantCulture), Math.Max(saves, 3).ToString(CultureInfo.InvariantCulture)]);
        var medians = new List<double>();
        var lows = new List<double>();
        var highs = new List<double>();
        foreach (Match m in WatchRow().Matches(run.Output))
        {
            medians.Add(double.Parse(m.Groups["median"].Value, CultureInfo.InvariantCulture));
            lows.Add(double.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture));
            highs.Add(double.Parse(m.Groups["max"].Value, CultureInfo.InvariantCulture));
        }

        if (run.ExitCode != 0 || medians.Count == 0)
        {
            return new Row(name, "< 100 ms", "failed", "", "", false, $"exit {run.ExitCode}: {Tail(run.Errors + run.Output)}");
        }

        var median = Median(medians);
        return new Row(
            name, "< 100 ms", $"{median:F0} ms ({lows.Min():F0}–{highs.Max():F0})", "n/a (one process)", Memory(run.PeakBytes), median < 100,
            $"median of the watch benchmark's per-file medians ({medians.Count} files edited, {Math.Max(saves, 3)} saves each); the peak is that whole process's (a full session of {claims:N0} claims and a full check)");
    }

    [GeneratedRegex(@"^\s*(\d+\s+)?claims-\S+\.yaml\s+(?<median>\d+)\s+(?<min>\d+)\s+(?<max>\d+)", RegexOptions.Multiline)]
    private static partial Regex WatchRow();

    /// <summary>
    /// The CLI as <c>dotnet tool install</c> puts it on this machine: the package for this platform carries ReadyToRun code
    /// (docs/install.md), published here the same way. The plain build (<c>--plain</c>) is what <c>dotnet run</c> runs.
    /// </summary>
    private static (string Program, string[] Prefix)? Installed(string repository, string work)
    {
        var output = Path.Combine(work, "tool");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var publish = ChildProcess.Run(
            "dotnet",
            ["publish", "src/FactCheck.Cli", "-c", "Release", "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "quiet"],
            workingDirectory: repository);
        if (publish.ExitCode != 0)
        {
            Console.Error.WriteLine(publish.Output + publish.Errors);
            return null;
        }

        Console.WriteLine($"measuring the CLI as installed: ReadyToRun for {rid}, published in {publish.Wall.TotalSeconds:F1} s (--plain: the plain build)");
        var host = Path.Combine(output, OperatingSystem.IsWindows() ? "factcheck.exe" : "factcheck");
        return File.Exists(host) ? (host, []) : ("dotnet", [Path.Combine(output, "factcheck.dll")]);
    }

    /// <summary>The CLI as built in Release (its own runtime settings: server GC and the rest).</summary>
    private static (string Program, string[] Prefix) Cli(string repository)
    {
        var output = Path.Combine(repository, "src/FactCheck.Cli/bin/Release/net10.0");
        var host = Path.Combine(output, OperatingSystem.IsWindows() ? "factcheck.exe" : "factcheck");
        return File.Exists(host) ? (host, []) : ("dotnet", [Path.Combine(output, "factcheck.dll")]);
    }

    private static int Failed(string what, Measurement run)
    {
        Console.Error.WriteLine($"{what} failed (exit {run.ExitCode}): {Tail(run.Errors + run.Output)}");
        return 1;
    }

    private static string Tail(string text) => string.Join(" / ", text.Trim().Split('\n').TakeLast(5));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Seconds(List<double> ms) => ms.Count == 1
        ? $"{ms[0] / 1000:F2} s"
        : $"{Median(ms) / 1000:F2} s ({ms.Min() / 1000:F2}–{ms.Max() / 1000:F2})";

    private static string Memory(long bytes) => bytes >= Gib ? $"{bytes / Gib:F2} GiB" : $"{bytes / (1024.0 * 1024):F0} MiB";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int? Option(string[] args, string name) =>
        OptionText(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record Row(string Step, string Target, string Time, string Cpu, string Peak, bool Met, string? Note);
}
