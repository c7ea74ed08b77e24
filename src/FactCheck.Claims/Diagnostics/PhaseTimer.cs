using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FactCheck.Claims.Diagnostics;

/// <summary>
/// Prints how long each phase of a run took to standard error when FACTCHECK_TIMINGS=1, so a slow
/// run can be diagnosed on the machine where it is slow. Costs nothing otherwise.
/// </summary>
/// <remarks>
/// Timers nest: one created (with <c>using</c>) while another is open in the same flow of control, including a
/// task started from it, reports its phases indented under the parent's phase they ran in, followed by an
/// "other" line for the parent's time outside them, so every level adds up to the line above it. The
/// outermost timer prints its phases as they end and, when disposed, a total that is the wall time from its
/// creation, equal to the sum of its unindented lines.
/// </remarks>
public sealed class PhaseTimer : IDisposable
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("FACTCHECK_TIMINGS") == "1";
    private static readonly AsyncLocal<PhaseTimer?> Current = new();

    private readonly bool _on;
    private readonly PhaseTimer? _parent;
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Entry> _pending = [];
    private TimeSpan _lastMark;
    private TimeSpan _cpu;
    private TimeSpan _paused;
    private (int, int, int) _collections;
    private long _allocated;
    private bool _marked;

    public PhaseTimer()
        : this(Enabled || Current.Value is not null ? Console.Error : null)
    {
    }

    /// <summary>An enabled timer writing to <paramref name="writer"/> (tests); null writer: a disabled one.</summary>
    internal PhaseTimer(TextWriter? writer)
    {
        _parent = Current.Value;
        _on = writer is not null;
        if (!_on) return;
        _writer = _parent is null ? writer : null;
        (_cpu, _paused, _collections, _allocated) = Sample();
        Current.Value = this;
    }

    /// <summary>
    /// Ends the phase begun at the last mark: its wall time, the CPU time of the whole process (all threads) in it,
    /// the garbage collections (gen 0/1/2) with the time the program was paused for them, the bytes allocated (all
    /// threads), and the heap's size at the last collection.
    /// </summary>
    public void Mark(string phase)
    {
        if (!_on) return;
        var now = _clock.Elapsed;
        var (cpu, paused, collections, allocated) = Sample();
        List<Entry> children;
        lock (_pending)
        {
            children = [.. _pending];
            _pending.Clear();
        }

        var entry = new Entry(
            phase, now - _lastMark, cpu - _cpu, paused - _paused,
            (collections.Item1 - _collections.Item1, collections.Item2 - _collections.Item2, collections.Item3 - _collections.Item3),
            allocated - _allocated, GC.GetGCMemoryInfo().HeapSizeBytes, children);
        (_lastMark, _cpu, _paused, _collections, _allocated, _marked) = (now, cpu, paused, collections, allocated, true);
        if (_parent is not null)
        {
            lock (_parent._pending) _parent._pending.Add(entry);
        }
        else
        {
            var text = new StringBuilder();
            Write(text, entry, 0);
            _writer!.Write(text.ToString());
        }
    }

    /// <summary>The outermost timer prints the time after its last mark ("other") and the total; a nested one only closes.</summary>
    public void Dispose()
    {
        if (!_on) return;
        if (Current.Value == this) Current.Value = _parent;
        if (_parent is not null || !_marked) return;
        Mark("other");
        _writer!.WriteLine($"timing: {"total (wall time)",-44} {_lastMark.TotalMilliseconds,8:F0} ms");
    }

    private static void Write(StringBuilder text, Entry entry, int depth)
    {
        var indent = new string(' ', 2 * depth);
        var name = indent + entry.Phase;
        text.Append(CultureInfo.InvariantCulture,
            $"timing: {name,-44} {entry.Wall.TotalMilliseconds,8:F0} ms  (cpu {entry.Cpu.TotalMilliseconds,6:F0} ms; "
            + $"GCs {entry.Collections.Item1}/{entry.Collections.Item2}/{entry.Collections.Item3} "
            + $"paused {entry.Paused.TotalMilliseconds:F0} ms; allocated {entry.Allocated / (1024.0 * 1024):F0} MB, "
            + $"heap {entry.Heap / (1024.0 * 1024):F0} MB)").Append('\n');
        if (entry.Children.Count == 0) return;
        foreach (var child in entry.Children) Write(text, child, depth + 1);
        var rest = entry.Wall - entry.Children.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Wall);
        var restName = new string(' ', 2 * (depth + 1)) + "other";
        text.Append(CultureInfo.InvariantCulture, $"timing: {restName,-44} {rest.TotalMilliseconds,8:F0} ms").Append('\n');
    }

    private static (TimeSpan, TimeSpan, (int, int, int), long) Sample() => (
        Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(),
        (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)), GC.GetTotalAllocatedBytes());

    private sealed record Entry(
        string Phase, TimeSpan Wall, TimeSpan Cpu, TimeSpan Paused, (int, int, int) Collections, long Allocated, long Heap, IReadOnlyList<Entry> Children);
}
