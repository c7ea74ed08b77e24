using System.Diagnostics;
using System.Globalization;

/// <summary>
/// The workload's facts: N claims over N/10 propositions with random polarity, and N/2 attributions of random claims
/// (the same seed for every engine, so all count the same matches).
/// </summary>
internal sealed class Data
{
    public Data(int n)
    {
        var rng = new Random(12345);
        Claims = new Claim[n];
        var propositions = Math.Max(1, n / 10);
        for (var i = 0; i < n; i++) Claims[i] = new Claim(i, $"p{rng.Next(propositions)}", rng.Next(2) == 0);
        Attributions = new Attribution[n / 2];
        for (var i = 0; i < n / 2; i++) Attributions[i] = new Attribution(rng.Next(n));
    }

    public Claim[] Claims { get; }

    public Attribution[] Attributions { get; }
}

internal sealed record Claim(int Id, string Proposition, bool Polarity);

internal sealed record Attribution(int ClaimId);

/// <summary>The measures of one run and the child's two output lines (the table row, then the figures for the medians).</summary>
internal sealed class Measure
{
    private readonly Stopwatch _sw = new();
    private TimeSpan _cpu0;
    private TimeSpan _pauses;
    private long _allocated0;
    private readonly int[] _collections = new int[3];

    public TimeSpan Compile;
    public TimeSpan Insert;
    public TimeSpan Fire;
    public TimeSpan CpuInsert;
    public TimeSpan CpuFire;
    public long AllocatedInsert;
    public long AllocatedFire;

    public void StartCompile() => _sw.Restart();

    public void EndCompile() => Compile = _sw.Elapsed;

    /// <summary>
    /// CPU time is the whole process's (user + system, all threads: the GC's work and page faults included), which is
    /// steadier than wall time when other jobs share the machine.
    /// </summary>
    public void StartInsert()
    {
        _cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        _pauses = GC.GetTotalPauseDuration();
        _allocated0 = GC.GetTotalAllocatedBytes(true);
        for (var g = 0; g < 3; g++) _collections[g] = GC.CollectionCount(g);
        _sw.Restart();
    }

    public void EndInsert()
    {
        Insert = _sw.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        CpuInsert = cpu - _cpu0;
        _cpu0 = cpu;
        var allocated = GC.GetTotalAllocatedBytes(true);
        AllocatedInsert = allocated - _allocated0;
        _allocated0 = allocated;
        _sw.Restart();
    }

    public void EndFire()
    {
        Fire = _sw.Elapsed;
        CpuFire = Process.GetCurrentProcess().TotalProcessorTime - _cpu0;
        AllocatedFire = GC.GetTotalAllocatedBytes(true) - _allocated0;
        _pauses = GC.GetTotalPauseDuration() - _pauses;
        for (var g = 0; g < 3; g++) _collections[g] = GC.CollectionCount(g) - _collections[g];
    }

    public void Print(int n, string engine, long fired, string churn)
    {
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {engine} | {Ms(Compile)} | {Ms(Insert)} | {Ms(Fire)} | {Ms(Insert + Fire)} | {Ms(CpuInsert)} / {Ms(CpuFire)} | {Ms(_pauses)} | {_collections[0]}/{_collections[1]}/{_collections[2]} | {Mb(AllocatedInsert)} / {Mb(AllocatedFire)} | {fired:N0} | {peak:F0} MB | {churn} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(Insert + Fire).TotalMilliseconds:F1} {(CpuInsert + CpuFire).TotalMilliseconds:F1} {peak:F1}"));
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F0} ms");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MB");
}
