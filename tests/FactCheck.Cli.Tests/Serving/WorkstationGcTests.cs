using System.Diagnostics;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Serving;
using FactCheck.Tests;

namespace FactCheck.Cli.Tests.Serving;

/// <summary>
/// <c>serve</c> and <c>check --watch</c> started by hand run under workstation GC: the decision in-process, and, as
/// processes of the real tool (its apphost and <c>dotnet factcheck.dll</c>) on the bundled claims, that they execute
/// themselves again in the same process with the same descriptors, signal dispositions, output and exit codes, that a
/// user's own DOTNET_gcServer is kept, and that Ctrl-C and SIGTERM end them as before.
/// </summary>
public sealed class WorkstationGcTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-gc-" + Guid.NewGuid().ToString("N"));
    private readonly string _runtime;

    public WorkstationGcTests()
    {
        foreach (var work in new[] { Work, Other })
        {
            Copy(RepositoryPaths.Combine("claims"), Path.Combine(work, "claims"));
            Copy(RepositoryPaths.Combine("rules"), Path.Combine(work, "rules"));
        }

        // A socket path is limited to 107 bytes: a short runtime folder of its own, as XDG_RUNTIME_DIR is.
        _runtime = Path.Combine(Path.GetTempPath(), "fcg-" + Guid.NewGuid().ToString("N")[..8]);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_runtime);
        else Directory.CreateDirectory(_runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Work => Path.Combine(_root, "work");

    /// <summary>A second folder, whose session is not the first one's.</summary>
    private string Other => Path.Combine(_root, "other");

    [Fact]
    public void Executes_again_only_as_the_tool_under_server_GC_without_GC_variables_of_the_users_own()
    {
        string? Why(bool isTool = true, bool server = true, params (string Name, string Value)[] variables)
        {
            var set = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            return WorkstationGc.WhyNot(isTool, server, name => set.GetValueOrDefault(name), set.Keys.Append("PATH").Append("HOME"));
        }

        if (OperatingSystem.IsLinux()) Assert.Null(Why());
        // A test host running commands in-process must never replace itself.
        Assert.Contains("not the factcheck tool", Why(isTool: false), StringComparison.Ordinal);
        Assert.Contains("runtime's setting", Why(server: false), StringComparison.Ordinal);
        foreach (var own in new[] { "DOTNET_gcServer", "DOTNET_GCgen0size", "DOTNET_GCHeapHardLimit", "COMPlus_gcServer", "dotnet_gcserver" })
        {
            Assert.Contains($"{own} is set", Why(variables: (own, "1")), StringComparison.Ordinal);
        }

        Assert.False(WorkstationGc.IsGcVariable("DOTNET_TieredPGO"));
        // Executed once: never again, even when the runtime did not take the variable.
        Assert.Contains("executed itself again", Why(variables: (WorkstationGc.Marker, "1")), StringComparison.Ordinal);
        Assert.Contains("kept server GC", Why(variables: (WorkstationGc.Marker, "1")), StringComparison.Ordinal);
        Assert.Contains("with DOTNET_gcServer=0", Why(server: false, variables: (WorkstationGc.Marker, "1")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Serve_executes_itself_again_under_workstation_GC_in_the_same_process(bool apphost)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var served = Tool.Start(this, apphost, ["serve"]);
        served.WaitForError("serving `factcheck check`");
        Assert.Contains("garbage collection: workstation (executed itself again with DOTNET_gcServer=0)", served.Error, StringComparison.Ordinal);
        // The same process, executed again: its environment has the marker the new image was given.
        Assert.Contains(WorkstationGc.Marker + "=1", Environ(served.Id), StringComparison.Ordinal);
        Assert.Single(Lines(served.Error, "serving `factcheck check`"));

        // What it inherited is what a process started under workstation GC from the first has: no descriptor of the
        // first image left open, the same signals ignored and blocked.
        using (var direct = Tool.Start(this, apphost, ["serve"], Other, ("DOTNET_gcServer", "0")))
        {
            direct.WaitForError("serving `factcheck check`");
            Assert.Contains("garbage collection: workstation (the runtime's setting)", direct.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(WorkstationGc.Marker, Environ(direct.Id), StringComparison.Ordinal);
            Assert.Equal(Inherited(direct.Id), Inherited(served.Id));
            var (directSignals, servedSignals) = SteadySignals(direct.Id, served.Id);
            Assert.Equal(directSignals, servedSignals);
            Assert.Equal(0, direct.Stop(PosixSignal.Interrupt));
        }

        // It answers checks as this process would, and SIGTERM ends it as before.
        var here = Check(["--no-report", "--no-server"]);
        using (ServerFolder.Use(Path.Combine(_runtime, "factcheck")))
        {
            var options = CheckSettings.Resolve(Project.Discover(Work), null, null, null, noReport: true, null, null, null, []).Options;
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(here.Exit, CheckClient.TryRun(["check", "--no-report"], options, Work, output, error));
            Assert.Equal(here.Output, output.ToString());
        }

        Assert.Equal(0, served.Stop(PosixSignal.Terminate));
    }

    [Fact]
    public void A_users_own_DOTNET_gcServer_is_kept_and_Ctrl_C_ends_the_session()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var served = Tool.Start(this, apphost: false, ["serve"], ("DOTNET_gcServer", "1"));
        served.WaitForError("serving `factcheck check`");
        Assert.Contains("garbage collection: server (DOTNET_gcServer is set", served.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkstationGc.Marker, Environ(served.Id), StringComparison.Ordinal);
        Assert.Equal(0, served.Stop(PosixSignal.Interrupt));
    }

    [Fact]
    public void Check_watch_executes_itself_again_and_prints_through_a_pipe_as_before()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var watching = Tool.Start(this, apphost: true, ["check", "--watch"]);
        watching.WaitForOutput("factcheck: watching");
        Assert.Contains("garbage collection: workstation (executed itself again with DOTNET_gcServer=0)", watching.Error, StringComparison.Ordinal);
        // The first check printed once, whole, through the pipe the test reads.
        var first = watching.Output;
        Assert.Single(Lines(first, "factcheck: watching"));
        Assert.Single(Lines(first, "is answered by this session meanwhile"));

        using var output = new StringWriter();
        using var error = new StringWriter();
        FactCheckApp.Run(["check", "--no-report", "--no-server"], output, error, Work);
        Assert.StartsWith(output.ToString(), first, StringComparison.Ordinal);

        // A save is checked again and said through the same pipe.
        File.Delete(Path.Combine(Work, "claims", "zhang.yaml"));
        watching.WaitForOutput("claims/zhang.yaml: 0 new, 1 fixed");
        Assert.Equal(0, watching.Stop(PosixSignal.Interrupt));
        Assert.EndsWith("factcheck: stopped watching\n", watching.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_are_those_of_the_command_executed_again()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var (command, said) in new[] { (new[] { "serve", "--claims", "missing" }, "factcheck serve: '"), (["check", "--watch", "--claims", "missing"], "not watching: '") })
        {
            using var run = Tool.Start(this, apphost: true, command);
            Assert.Equal(ExitCodes.InvalidInput, run.Wait());
            Assert.Contains("garbage collection: workstation (executed itself again", run.Error, StringComparison.Ordinal);
            // Said once: by the process executed again only.
            Assert.Single(Lines(run.Output + run.Error, said));
            Assert.Single(Lines(run.Error, "garbage collection"));
        }
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _root, _runtime })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private (int Exit, string Output) Check(string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = FactCheckApp.Run(["check", .. arguments], output, error, Work);
        return (exit, output.ToString());
    }

    private static string[] Lines(string text, string containing) =>
        [.. text.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal))];

    private static string Environ(int process) => File.ReadAllText($"/proc/{process}/environ").Replace('\0', '\n');

    /// <summary>The descriptors a new image keeps (those without close-on-exec), with what each is.</summary>
    private static List<string> Inherited(int process)
    {
        var kept = new List<string>();
        foreach (var fd in Directory.GetFiles($"/proc/{process}/fd").Select(Path.GetFileName).OrderBy(n => int.Parse(n!, System.Globalization.CultureInfo.InvariantCulture)))
        {
            string flags, target;
            try
            {
                flags = File.ReadAllLines($"/proc/{process}/fdinfo/{fd}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
                target = new FileInfo($"/proc/{process}/fd/{fd}").LinkTarget ?? "";
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Closed since the listing: a descriptor the running session used for a moment, not one it inherited.
                continue;
            }

            // O_CLOEXEC is 02000000 (octal).
            if ((Convert.ToInt64(flags["flags:".Length..].Trim(), 8) & 0x80000) != 0) continue;
            // Each process has pipes of its own to the test: their kind, not their inode.
            kept.Add($"{fd} {(target.StartsWith("pipe:", StringComparison.Ordinal) ? "pipe" : target)}");
        }

        return kept;
    }

    /// <summary>
    /// The two processes' blocked and ignored signals, read until they agree (at most about 2 s). A main thread blocks
    /// every signal for a moment while it starts a thread (glibc's pthread_create), so a single read can catch a mask
    /// that is not the process's (CI saw fffffffffffbfeff against 0); a mask that really differs differs on every read.
    /// </summary>
    private static (string First, string Second) SteadySignals(int first, int second)
    {
        var (a, b) = (Signals(first), Signals(second));
        for (var i = 0; i < 100 && a != b; i++)
        {
            Thread.Sleep(20);
            (a, b) = (Signals(first), Signals(second));
        }

        return (a, b);
    }

    private static string Signals(int process) =>
        string.Join('\n', File.ReadAllLines($"/proc/{process}/status").Where(l => l.StartsWith("SigBlk", StringComparison.Ordinal) || l.StartsWith("SigIgn", StringComparison.Ordinal)));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private enum PosixSignal
    {
        Interrupt = 2,
        Terminate = 15,
    }

    /// <summary>A running factcheck process whose output and error are gathered as they come.</summary>
    private sealed class Tool : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly System.Text.StringBuilder _error = new();

        private Tool(Process process)
        {
            _process = process;
        }

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public string Error
        {
            get
            {
                lock (_error) return _error.ToString();
            }
        }

        /// <param name="apphost">The apphost (as a .NET tool runs), else <c>dotnet factcheck.dll</c>.</param>
        public static Tool Start(WorkstationGcTests test, bool apphost, string[] arguments, params (string Name, string Value)[] variables) =>
            Start(test, apphost, arguments, test.Work, variables);

        /// <param name="directory">The working folder (a session's key has it).</param>
        public static Tool Start(WorkstationGcTests test, bool apphost, string[] arguments, string directory, params (string Name, string Value)[] variables)
        {
            var program = Path.Combine(AppContext.BaseDirectory, "factcheck");
            var start = new ProcessStartInfo(apphost ? program : Distribution.Processes.Dotnet)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (!apphost) start.ArgumentList.Add(program + ".dll");
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            foreach (var name in AutoStart.CiVariables) start.Environment.Remove(name);
            foreach (var name in start.Environment.Keys.Where(WorkstationGc.IsGcVariable).ToList()) start.Environment.Remove(name);
            start.Environment.Remove(WorkstationGc.Marker);
            start.Environment["XDG_RUNTIME_DIR"] = test._runtime;
            start.Environment["XDG_CACHE_HOME"] = Path.Combine(test._root, "cache");
            start.Environment["FACTCHECK_DEBUG"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            // The apphost finds the runtime the tests run on.
            if (Path.GetDirectoryName(Distribution.Processes.Dotnet) is { Length: > 0 } root) start.Environment["DOTNET_ROOT"] = root;
            foreach (var (name, value) in variables) start.Environment[name] = value;
            var process = new Process { StartInfo = start };
            var tool = new Tool(process);
            process.OutputDataReceived += (_, e) => tool.Add(tool._output, e.Data);
            process.ErrorDataReceived += (_, e) => tool.Add(tool._error, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return tool;
        }

        public void WaitForOutput(string text) => WaitFor(() => Output, text);

        public void WaitForError(string text) => WaitFor(() => Error, text);

        /// <summary>Sends <paramref name="signal"/> and waits for the exit code.</summary>
        public int Stop(PosixSignal signal)
        {
            Assert.Equal(0, Kill(_process.Id, (int)signal));
            return Wait();
        }

        public int Wait()
        {
            if (!_process.WaitForExit(Limit)) throw new TimeoutException($"factcheck did not end\n--- stdout\n{Output}\n--- stderr\n{Error}");
            // The end of both streams.
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }

        private void Add(System.Text.StringBuilder to, string? line)
        {
            if (line is null) return;
            lock (to) to.Append(line).Append('\n');
        }

        private void WaitFor(Func<string> text, string wanted)
        {
            var clock = Stopwatch.StartNew();
            while (!text().Contains(wanted, StringComparison.Ordinal))
            {
                if (_process.HasExited || clock.Elapsed > Limit) throw new TimeoutException($"no '{wanted}'\n--- stdout\n{Output}\n--- stderr\n{Error}");
                Thread.Sleep(50);
            }
        }

        // SYSLIB1054 (use LibraryImport) is a suggestion; this signature needs no marshalling code.
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", ExactSpelling = true)]
        private static extern int Kill(int process, int signal);
    }
}
