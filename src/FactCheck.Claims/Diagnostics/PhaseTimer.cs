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

    public void Mark(string phase)
    {
        if (!Enabled) return;
        Console.Error.WriteLine($"timing: {phase,-28} {_clock.Elapsed.TotalMilliseconds,8:F0} ms");
        _clock.Restart();
    }
}
