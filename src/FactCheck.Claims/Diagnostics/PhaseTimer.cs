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

    /// <summary>Prints the wall time since the last mark, and the CPU time of the whole process (all threads) in it.</summary>
    public void Mark(string phase)
    {
        if (!Enabled) return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine($"timing: {phase,-44} {_clock.Elapsed.TotalMilliseconds,8:F0} ms  (cpu {(cpu - _cpu).TotalMilliseconds,6:F0} ms)");
        _cpu = cpu;
        _clock.Restart();
    }
}
