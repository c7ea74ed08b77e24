using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace FactCheck.Benchmarks.Table;

/// <summary>
/// Runs one program as a child process and measures it as a user would see it: wall time from start to exit, CPU
/// time (user + system, all its threads) and peak resident memory.
/// </summary>
/// <remarks>
/// CPU is read with getrusage(RUSAGE_CHILDREN) before and after (exact: the kernel adds a child's times when it is
/// reaped; one child runs at a time). The peak is the kernel's high-water mark of the child (VmHWM, which
/// <see cref="Process.PeakWorkingSet64"/> reads on Linux), polled every 10 ms while it runs: the mark only grows, so a
/// poll misses at most what the child adds in its last 10 ms.
/// </remarks>
internal static class ChildProcess
{
    private const int RusageChildren = -1;

    public static Measurement Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }

        var cpuBefore = ChildrenCpu();
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n');
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (errors) errors.Append(e.Data).Append('\n');
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        long peak = 0;
        var polledCpu = TimeSpan.Zero;
        while (!child.WaitForExit(10))
        {
            try
            {
                child.Refresh();
                peak = Math.Max(peak, child.PeakWorkingSet64);
                polledCpu = child.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It exited between the wait and the read.
            }
        }

        var wall = clock.Elapsed;
        child.WaitForExit(); // the output's last lines
        var cpu = ChildrenCpu() is { } after && cpuBefore is { } before ? after - before : polledCpu;
        return new Measurement(wall, cpu, peak, child.ExitCode, output.ToString(), errors.ToString());
    }

    /// <summary>User + system time of every child reaped so far, or null where getrusage is not available.</summary>
    private static TimeSpan? ChildrenCpu()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        try
        {
            if (GetRusage(RusageChildren, out var usage) != 0) return null;
            return TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    // The C library's getrusage: two timevals (user, system) and fourteen longs the measurement does not use.
    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}

/// <summary>One child process's run.</summary>
internal sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long PeakBytes, int ExitCode, string Output, string Errors);
