using System.Diagnostics;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Serving;
using FactCheck.Cli.Tests.Distribution;
using FactCheck.Tests;

namespace FactCheck.Cli.Tests.Serving;

/// <summary>
/// Sessions <c>check</c> starts by itself: when it does and does not (in-process, from the environment given), the
/// background session's endings (idle, <c>serve --stop</c>, a second one for the same key) in-process, and, as
/// processes of the real tool on the bundled claims with a threshold of one claim, that a first check starts one
/// without anything waiting for it, a second is answered by it, CI=1 and --no-server start none, and two first checks
/// at once leave one.
/// </summary>
public sealed class AutoStartTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-autostart-" + Guid.NewGuid().ToString("N"));
    private readonly string _runtime;

    public AutoStartTests()
    {
        Copy(RepositoryPaths.Combine("claims"), Path.Combine(_root, "work", "claims"));
        Copy(RepositoryPaths.Combine("rules"), Path.Combine(_root, "work", "rules"));
        // A socket path is limited to 107 bytes: a short runtime folder of its own, as XDG_RUNTIME_DIR is.
        _runtime = Path.Combine(Path.GetTempPath(), "fca-" + Guid.NewGuid().ToString("N")[..8]);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_runtime);
        else Directory.CreateDirectory(_runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Work => Path.Combine(_root, "work");

    private string Sockets => Path.Combine(_runtime, "factcheck");

    [Fact]
    public void Starts_only_in_the_tool_outside_CI_when_not_refused_and_the_corpus_is_big_enough()
    {
        if (!OperatingSystem.IsLinux()) return;
        var options = Settings().Options;
        string? Why(bool refused = false, int claims = 100_000, bool isTool = true, CheckOptions? with = null, params (string Name, string Value)[] variables)
        {
            var set = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            return AutoStart.WhyNot(with ?? options, refused, claims, isTool, name => set.GetValueOrDefault(name));
        }

        Assert.Null(Why());
        Assert.Contains("not the factcheck tool", Why(isTool: false), StringComparison.Ordinal);
        Assert.Contains("--no-server", Why(refused: true), StringComparison.Ordinal);
        Assert.Contains("FACTCHECK_SERVER=0", Why(variables: ("FACTCHECK_SERVER", "0")), StringComparison.Ordinal);
        foreach (var ci in new[] { "CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "BUILDKITE", "JENKINS_URL", "TEAMCITY_VERSION" })
        {
            Assert.Contains(ci + " is set", Why(variables: (ci, "true")), StringComparison.Ordinal);
        }

        // CI=false says "not CI"; FACTCHECK_SERVER=1 asks for sessions in CI too.
        Assert.Null(Why(variables: ("CI", "false")));
        Assert.Null(Why(variables: [("CI", "1"), ("FACTCHECK_SERVER", "1")]));
        Assert.Contains("fewer than 20000", Why(claims: 19_999), StringComparison.Ordinal);
        Assert.Null(Why(claims: 28, variables: ("FACTCHECK_SERVER_MIN_CLAIMS", "1")));
        // A session answers only the default engine and limits: a check with others would only be declined.
        Assert.Contains("limits", Why(with: options with { MaxFirings = 10 }), StringComparison.Ordinal);
        Assert.Contains("engine", Why(with: options with { Engine = Engine.NRules.NRulesEngine.Instance }), StringComparison.Ordinal);

        // In-process (a test host), a check never starts one, whatever the environment.
        using var folder = ServerFolder.Use(Sockets);
        using var output = new StringWriter();
        using var error = new StringWriter();
        FactCheckApp.Run(["check", "--no-report"], output, error, Work);
        Assert.False(Directory.Exists(Sockets) && Directory.EnumerateFileSystemEntries(Sockets).Any());
    }

    [Fact]
    public void A_background_session_answers_checks_then_ends_when_idle()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(Sockets);
        var options = Settings().Options;
        var ending = new Running<BackgroundSession.Ending>(() => BackgroundSession.Serve(options, Work, TimeSpan.FromSeconds(1.5), CancellationToken.None));
        var socket = WaitForSocket(options);
        var served = Check(["--no-report"]);
        // Idle from the end of the check it answered.
        var clock = Stopwatch.StartNew();
        var local = Check(["--no-report", "--no-server"]);
        Assert.Equal((local.Exit, local.Output), (served.Exit, served.Output));

        Assert.True(ending.Join(Limit), "the session did not end when idle");
        Assert.Equal(BackgroundSession.Ending.Idle, ending.Result);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(socket));
    }

    [Fact]
    public void A_background_session_ends_when_its_rules_folder_disappears()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(Sockets);
        var options = Settings().Options;
        var ending = new Running<BackgroundSession.Ending>(() => BackgroundSession.Serve(options, Work, TimeSpan.FromMinutes(10), CancellationToken.None));
        var socket = WaitForSocket(options);
        Directory.Delete(Path.Combine(Work, "rules"), recursive: true);
        Assert.True(ending.Join(Limit), "the session did not end when its rules went");
        Assert.Equal(BackgroundSession.Ending.InputGone, ending.Result);
        Assert.False(File.Exists(socket));
    }

    [Fact]
    public void A_background_session_ends_when_its_build_is_replaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(Sockets);
        var options = Settings().Options;
        // Stands for the tool's assemblies (a rebuild or `dotnet tool update` replaces them).
        var assembly = Path.Combine(_root, "factcheck.dll");
        File.WriteAllText(assembly, "build 1");
        var ending = new Running<BackgroundSession.Ending>(() => BackgroundSession.Serve(options, Work, TimeSpan.FromMinutes(10), CancellationToken.None, [assembly]));
        var socket = WaitForSocket(options);
        File.Delete(assembly);
        File.WriteAllText(assembly, "build 2");
        Assert.True(ending.Join(Limit), "the session did not end when its build was replaced");
        Assert.Equal(BackgroundSession.Ending.BuildReplaced, ending.Result);
        Assert.False(File.Exists(socket));
    }

    [Fact]
    public void Serve_stop_ends_the_sessions_of_this_folder_only_and_a_second_session_for_the_same_key_does_not_start()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(Sockets);
        var options = Settings().Options;
        using var cancel = new CancellationTokenSource();
        var first = new Running<BackgroundSession.Ending>(() => BackgroundSession.Serve(options, Work, TimeSpan.FromMinutes(10), cancel.Token));
        var second = new Running<BackgroundSession.Ending>(() => BackgroundSession.Serve(options, Work, TimeSpan.FromMinutes(10), cancel.Token));
        WaitForSocket(options);
        // One of the two took the lock; the other ended at once.
        var clock = Stopwatch.StartNew();
        while (!first.IsCompleted && !second.IsCompleted && clock.Elapsed < Limit) Thread.Sleep(20);
        var ended = first.IsCompleted ? first : second;
        Assert.Equal(BackgroundSession.Ending.AnotherSession, ended.Result);
        var running = ReferenceEquals(ended, first) ? second : first;
        Assert.True(Check(["--no-report"]).Exit is 0 or 1);

        // From another folder: not this session's.
        var elsewhere = Path.Combine(_root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var other = Run(["serve", "--stop"], elsewhere);
        Assert.Contains("no session started from this folder", other.Output, StringComparison.Ordinal);
        Assert.False(running.IsCompleted);

        var stop = Run(["serve", "--stop"], Work);
        Assert.Equal(0, stop.Exit);
        Assert.Contains("stopped the session on", stop.Output, StringComparison.Ordinal);
        Assert.Contains("1 check(s) answered", stop.Output, StringComparison.Ordinal);
        Assert.True(running.Join(Limit));
        Assert.Equal(BackgroundSession.Ending.StopRequested, running.Result);
        Assert.False(File.Exists(ServerFolder.SocketFor(options, Work)));
    }

    [Fact]
    public void As_processes_a_first_check_starts_a_session_a_second_is_answered_by_it_and_CI_or_no_server_start_none()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // The first check starts one and returns without waiting for it (its output pipes are read to the end).
            var first = Tool(["check", "--no-report"]);
            Assert.True(first.ExitCode is 0 or 1, first.ToString());
            Assert.Contains("started a session in the background", first.Error, StringComparison.Ordinal);
            WaitForSocket(Settings().Options, folder: Sockets);
            Assert.Single(SessionProcesses());

            var second = Tool(["check", "--no-report"]);
            Assert.DoesNotContain("checking in this process", second.Error, StringComparison.Ordinal);
            Assert.Equal((first.ExitCode, first.Output), (second.ExitCode, second.Output));
            var stopped = Tool(["serve", "--stop"]);
            Assert.Contains("1 check(s) answered", stopped.Output, StringComparison.Ordinal);
            Assert.Empty(SessionProcesses(wait: true));

            foreach (var (arguments, variables, why) in new (string[], (string, string)[], string)[]
            {
                (["check", "--no-report"], [("CI", "true")], "CI is set"),
                (["check", "--no-report", "--no-server"], [], "--no-server"),
            })
            {
                var refused = Tool(arguments, variables);
                Assert.Contains($"no session started: ", refused.Error, StringComparison.Ordinal);
                Assert.Contains(why, refused.Error, StringComparison.Ordinal);
            }

            Assert.Empty(SessionProcesses());
        }
        finally
        {
            Tool(["serve", "--stop"]);
        }
    }

    [Fact]
    public void As_processes_a_session_started_from_a_terminal_that_closes_at_once_survives_it()
    {
        // script(1) (util-linux, in every Debian) runs the check on a terminal of its own and closes it as the check
        // ends, which hangs up whatever is still in the terminal's session then.
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script")) return;
        try
        {
            var first = Tool(["check", "--no-report"], throughTerminal: true);
            Assert.True(first.ExitCode is 0 or 1, first.ToString());
            Assert.Contains("started a session in the background", first.Output, StringComparison.Ordinal);
            WaitForSocket(Settings().Options, folder: Sockets);
            var second = Tool(["check", "--no-report"]);
            Assert.DoesNotContain("checking in this process", second.Error, StringComparison.Ordinal);
            Assert.Contains("1 check(s) answered", Tool(["serve", "--stop"]).Output, StringComparison.Ordinal);
        }
        finally
        {
            Tool(["serve", "--stop"]);
        }
    }

    [Fact]
    public void As_processes_two_first_checks_at_once_leave_one_session()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            var both = new[] { new Running<Processes.Result>(() => Tool(["check", "--no-report"])), new Running<Processes.Result>(() => Tool(["check", "--no-report"])) };
            Assert.All(both, t => Assert.True(t.Join(Limit + Limit)));
            // Each started one, unless the other's was already loading or answering when it finished.
            Assert.All(both, t => Assert.Matches("started a session in the background|a session answers already|a session is loading", t.Result.Error));
            WaitForSocket(Settings().Options, folder: Sockets);
            // The second process started ends as soon as it finds the lock taken.
            var clock = Stopwatch.StartNew();
            while (SessionProcesses().Count > 1 && clock.Elapsed < Limit) Thread.Sleep(100);
            Assert.Single(SessionProcesses());
            Assert.Single(Directory.GetFiles(Sockets, "*.sock"));
        }
        finally
        {
            var stopped = Tool(["serve", "--stop"]);
            Assert.Contains("stopped the session", stopped.Output, StringComparison.Ordinal);
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

    /// <summary>The real tool, as `dotnet factcheck.dll`, from the work folder, in an environment that is not CI.</summary>
    /// <param name="throughTerminal">Run it on a terminal of its own (script(1)), which closes as it ends; its standard error then comes with the output.</param>
    private Processes.Result Tool(string[] arguments, (string Name, string Value)[]? variables = null, bool throughTerminal = false)
    {
        string[] command = [Processes.Dotnet, Path.Combine(AppContext.BaseDirectory, "factcheck.dll"), .. arguments];
        var start = new ProcessStartInfo(throughTerminal ? "/usr/bin/script" : command[0])
        {
            WorkingDirectory = Work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (throughTerminal)
        {
            foreach (var argument in (string[])["-qec", string.Join(' ', command.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'")), "/dev/null"]) start.ArgumentList.Add(argument);
        }
        else
        {
            foreach (var argument in command[1..]) start.ArgumentList.Add(argument);
        }

        foreach (var name in AutoStart.CiVariables) start.Environment.Remove(name);
        start.Environment["XDG_RUNTIME_DIR"] = _runtime;
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(_root, "cache");
        start.Environment["FACTCHECK_SERVER_MIN_CLAIMS"] = "1";
        // A session a failed test leaves behind ends by itself.
        start.Environment["FACTCHECK_SERVER_IDLE_SECONDS"] = "60";
        start.Environment["FACTCHECK_DEBUG"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in variables ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Both pipes reach their end only when no process holds them: a session that kept them would time this out.
        if (!Task.WaitAll([output, error], Limit) || !process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"factcheck {string.Join(' ', arguments)} did not finish, or left its output open");
        }

        return new Processes.Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The background sessions running from this test's work folder.</summary>
    private List<int> SessionProcesses(bool wait = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = new List<int>();
            foreach (var entry in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
                try
                {
                    var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline"));
                    var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget;
                    if (commandLine.Contains("serve\0--background", StringComparison.Ordinal) && cwd == Work) found.Add(pid);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Gone meanwhile, or not ours to read.
                }
            }

            if (!wait || found.Count == 0 || clock.Elapsed > Limit) return found;
            Thread.Sleep(100);
        }
    }

    private string WaitForSocket(CheckOptions options, string? folder = null)
    {
        string path;
        using (folder is null ? null : ServerFolder.Use(folder))
        {
            path = ServerFolder.SocketFor(options, Work)!;
        }

        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(clock.Elapsed < Limit, "no session listened");
            Thread.Sleep(50);
        }

        return path;
    }

    private CheckSettings Settings() =>
        CheckSettings.Resolve(Project.Discover(Work), null, null, null, noReport: true, null, null, null, []);

    private (int Exit, string Output, string Error) Check(string[] arguments) => Run(["check", .. arguments], Work);

    private static (int Exit, string Output, string Error) Run(string[] arguments, string directory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = FactCheckApp.Run(arguments, output, error, directory);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Work on a thread of its own (the session blocks; xunit's analyzers refuse blocking on tasks).</summary>
    private sealed class Running<T>
    {
        private readonly Thread _thread;
        private T? _result;
        private Exception? _failed;

        public Running(Func<T> work)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    _result = work();
                }
                catch (Exception ex)
                {
                    _failed = ex;
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public bool IsCompleted => !_thread.IsAlive;

        public T Result => Join(Limit) ? _failed is null ? _result! : throw new InvalidOperationException("the work failed", _failed) : throw new TimeoutException();

        public bool Join(TimeSpan timeout) => _thread.Join(timeout);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
