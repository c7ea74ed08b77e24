using System.Diagnostics;

namespace FactCheck.Claims.Diagnostics;

/// <summary>
/// Prints how long each phase of a run took to standard error when FACTCHECK_TIMINGS=1, so a slow
/// run can be diagnosed on the machine where it is slow. Costs nothing otherwise.
/// </summary>
public sealed class PhaseTimer
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("FACTCHECK_TIMINGS") == "1";
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _cpu = Enabled ? Process.GetCurrentProcess().TotalProcessorTime : default;
    private TimeSpan _paused = Enabled ? GC.GetTotalPauseDuration() : default;
    private (int, int, int) _collections = Enabled ? Collections() : default;
    private long _allocated = Enabled ? GC.GetTotalAllocatedBytes() : 0;

    /// <summary>
    /// Prints the wall time since the last mark, the CPU time of the whole process (all threads) in it, and
    /// the garbage collections (gen 0/1/2) with the time the program was paused for them, the bytes allocated (all
    /// threads), and the heap's size at the last collection.
    /// </summary>
    public void Mark(string phase)
    {
        if (!Enabled) return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var collections = Collections();
        var allocated = GC.GetTotalAllocatedBytes();
        Console.Error.WriteLine(
            $"timing: {phase,-44} {_clock.Elapsed.TotalMilliseconds,8:F0} ms  (cpu {(cpu - _cpu).TotalMilliseconds,6:F0} ms; "
            + $"GCs {collections.Item1 - _collections.Item1}/{collections.Item2 - _collections.Item2}/{collections.Item3 - _collections.Item3} "
            + $"paused {(paused - _paused).TotalMilliseconds:F0} ms; allocated {(allocated - _allocated) / (1024.0 * 1024):F0} MB, "
            + $"heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024):F0} MB)");
        (_cpu, _paused, _collections, _allocated) = (cpu, paused, collections, allocated);
        _clock.Restart();
    }

    private static (int, int, int) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
}
