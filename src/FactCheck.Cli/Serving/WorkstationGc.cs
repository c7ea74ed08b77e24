using System.Runtime;
using System.Runtime.InteropServices;

namespace FactCheck.Cli.Serving;

/// <summary>
/// Runs <c>factcheck serve</c> and <c>check --watch</c> under workstation GC. The CLI asks for server GC in its
/// runtimeconfig because a cold check needs it (6.0 s against 8.0 s at 100,000 claims), but a session answering one
/// changed file spends 1.7-2 s of CPU a check under it against about 0.8 s under workstation GC (1.09 s against 0.63 s
/// with the report). A runtimeconfig holds one setting for every command and a running process cannot change its GC,
/// so on Linux these commands execute themselves again at once (execve(2) of /proc/self/exe with the original argument
/// bytes and environment, plus DOTNET_gcServer=0): the same process id, terminal, standard streams and parent, so
/// Ctrl-C, signals and exit codes are exactly as before; the runtime's own descriptors are all close-on-exec. Not when
/// the user set a GC variable of their own (it wins), not in a test host, and never twice (<see cref="Marker"/>); when
/// execve fails, the command goes on in this process as it would have. The session <c>check</c> starts by itself gets
/// the variable from <see cref="AutoStart"/> instead.
/// </summary>
internal static class WorkstationGc
{
    /// <summary>Set in the environment of the process executed again: it never executes itself a second time.</summary>
    internal const string Marker = "FACTCHECK_GC_REEXEC";

    private const string Variable = "DOTNET_gcServer";

    /// <summary>Prefixes of the runtime's GC settings (DOTNET_gcServer, DOTNET_GCgen0size, DOTNET_GCHeapHardLimit...), any case.</summary>
    private static readonly string[] GcPrefixes = ["DOTNET_GC", "COMPlus_GC"];

    /// <summary>
    /// Executes this command again under workstation GC when it should (returns only when it did not, or could not);
    /// with FACTCHECK_DEBUG=1, says on <paramref name="error"/> which GC the command runs with and why.
    /// </summary>
    public static void Ensure(TextWriter error)
    {
        var why = WhyNot(ServerFolder.UseUserFolder, GCSettings.IsServerGC, Environment.GetEnvironmentVariable, Names());
        if (why is null)
        {
            error.Flush();
            Execute();
            why = "could not execute itself again";
        }

        if (Environment.GetEnvironmentVariable(Marker) == "1")
        {
            // The user's environment again for anything this session starts (git); the runtime has read it already.
            Environment.SetEnvironmentVariable(Marker, null);
            Environment.SetEnvironmentVariable(Variable, null);
        }

        if (Environment.GetEnvironmentVariable("FACTCHECK_DEBUG") == "1") error.WriteLine($"factcheck: garbage collection: {Describe(GCSettings.IsServerGC)} ({why})");
    }

    /// <summary>Why this process does not execute itself again; null when it should.</summary>
    /// <param name="isTool">Whether this is the factcheck tool itself (a test host running commands in-process never is).</param>
    /// <param name="names">The names of the environment variables.</param>
    internal static string? WhyNot(bool isTool, bool isServerGc, Func<string, string?> variable, IEnumerable<string> names)
    {
        if (variable(Marker) == "1") return isServerGc ? "executed itself again, but the runtime kept server GC" : "executed itself again with DOTNET_gcServer=0";
        if (!isTool) return "not the factcheck tool itself";
        if (!isServerGc) return "the runtime's setting";
        if (!OperatingSystem.IsLinux()) return "executing itself again is done on Linux only";
        if (names.FirstOrDefault(IsGcVariable) is { } own) return $"{own} is set: the GC settings of the environment are kept";
        return null;
    }

    internal static bool IsGcVariable(string name) => GcPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string Describe(bool server) => server ? "server" : "workstation";

    private static IEnumerable<string> Names() => Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(k => (string)k);

    /// <summary>execve(2) of /proc/self/exe with /proc/self/cmdline and /proc/self/environ plus the variable and the marker; returns only on failure.</summary>
    private static unsafe void Execute()
    {
        byte[] arguments, environment;
        try
        {
            arguments = File.ReadAllBytes("/proc/self/cmdline");
            environment = File.ReadAllBytes("/proc/self/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var argv = Split(arguments);
        if (argv.Count == 0) return;
        var envp = Split(environment);
        envp.Add(System.Text.Encoding.UTF8.GetBytes($"{Variable}=0"));
        envp.Add(System.Text.Encoding.UTF8.GetBytes($"{Marker}=1"));
        var handles = new List<GCHandle>();
        try
        {
            var argPointers = Pointers(argv, handles);
            var envPointers = Pointers(envp, handles);
            fixed (byte* path = "/proc/self/exe\0"u8)
            fixed (nint* a = argPointers)
            fixed (nint* e = envPointers)
            {
                // Returns only when it failed (ENOEXEC, E2BIG, EACCES...): the command then runs here, as before.
                ExecuteProgram(path, a, e);
            }
        }
        finally
        {
            foreach (var handle in handles) handle.Free();
        }
    }

    /// <summary>The zero-terminated strings of a /proc file, each with its terminating zero.</summary>
    private static List<byte[]> Split(byte[] bytes)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != 0) continue;
            parts.Add(bytes[start..(i + 1)]);
            start = i + 1;
        }

        // A last string without its zero (cmdline after a process rewrote its arguments).
        if (start < bytes.Length) parts.Add([.. bytes[start..], 0]);
        return parts;
    }

    /// <summary>A null-terminated array of pointers to the strings, pinned until the handles are freed.</summary>
    private static nint[] Pointers(List<byte[]> strings, List<GCHandle> handles)
    {
        var pointers = new nint[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            var handle = GCHandle.Alloc(strings[i], GCHandleType.Pinned);
            handles.Add(handle);
            pointers[i] = handle.AddrOfPinnedObject();
        }

        return pointers;
    }

    // SYSLIB1054 (use LibraryImport) is a suggestion; this signature needs no marshalling code.
    [DllImport("libc", EntryPoint = "execve", ExactSpelling = true)]
    private static extern unsafe int ExecuteProgram(byte* path, nint* argv, nint* envp);
}
