using System.Diagnostics;
using System.Globalization;
using FactCheck.Cli.Checking;

namespace FactCheck.Cli.Serving;

/// <summary>
/// Whether a <c>check</c> that ran in-process starts a session in the background, and starting it: as the .NET
/// compiler server, the Gradle daemon and eslint_d do, the next <c>check</c> of the same claims and rules from the same
/// folder is then answered by it (<see cref="CheckClient"/>) in a fraction of a cold run. Only where it pays and was
/// not refused: the tool itself (not a test host), on Linux, outside CI (<see cref="CiVariables"/>) unless
/// FACTCHECK_SERVER=1 asks for it, not with <c>--no-server</c>, <c>--no-cache</c> or FACTCHECK_SERVER=0, on the default
/// engine and limits (a session answers only those), and for at least <see cref="MinClaims"/> claims.
/// </summary>
internal static class AutoStart
{
    /// <summary>
    /// Below this many claims a new process is fast enough, and a resident session not worth its memory: a check costs
    /// 1.9 s of CPU at 10,000 claims, 2.9 s at 20,000, 6.6 s at 50,000 (as processes, report written, no cache; with the
    /// parsed-file cache 1.6 s and 2.3 s at 10,000 and 20,000), while a session at 100,000 claims answers with about
    /// 0.25 s of its CPU and 0.18 s of the client's (docs/commands.md).
    /// </summary>
    public const int DefaultMinClaims = 20_000;

    /// <summary>How long a check waits, at most, for the session it started to leave the terminal (it takes about 0.1 s).</summary>
    private static readonly TimeSpan DetachWait = TimeSpan.FromSeconds(5);

    /// <summary>As the .NET compiler server's default keep-alive.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Variables set by CI services and automation (any of them, non-empty and not "false"/"0", means CI).</summary>
    public static readonly string[] CiVariables =
    [
        "CI", "CONTINUOUS_INTEGRATION", "CI_NAME", "BUILD_ID", "BUILD_NUMBER", "RUN_ID", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "BUILDKITE", "JENKINS_URL", "HUDSON_URL",
        "TEAMCITY_VERSION", "CIRCLECI", "TRAVIS", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "DRONE", "CODEBUILD_BUILD_ID", "SEMAPHORE", "CIRRUS_CI",
        "GO_PIPELINE_NAME", "BUDDY", "HEROKU_TEST_RUN_ID", "NETLIFY", "VERCEL", "WOODPECKER_CI", "SCREWDRIVER", "BAMBOO_BUILDKEY",
    ];

    /// <summary>FACTCHECK_SERVER: 0/false/off, never; 1/true/on, also in CI; unset (or auto), outside CI.</summary>
    public static bool? Setting(Func<string, string?> variable) => variable("FACTCHECK_SERVER")?.Trim().ToLowerInvariant() switch
    {
        "0" or "false" or "off" or "no" => false,
        "1" or "true" or "on" or "yes" => true,
        _ => null,
    };

    /// <summary>FACTCHECK_SERVER_MIN_CLAIMS, else <see cref="DefaultMinClaims"/>.</summary>
    public static int MinClaims(Func<string, string?> variable) =>
        int.TryParse(variable("FACTCHECK_SERVER_MIN_CLAIMS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultMinClaims;

    /// <summary>FACTCHECK_SERVER_IDLE_SECONDS, else <see cref="DefaultIdleTimeout"/>.</summary>
    public static TimeSpan IdleTimeout() =>
        double.TryParse(Environment.GetEnvironmentVariable("FACTCHECK_SERVER_IDLE_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(Math.Min(s, TimeSpan.FromDays(7).TotalSeconds))
            : DefaultIdleTimeout;

    /// <summary>The CI variable that is set, if any.</summary>
    public static string? CiVariable(Func<string, string?> variable) =>
        CiVariables.FirstOrDefault(name => variable(name) is { Length: > 0 } value && value.Trim().ToLowerInvariant() is not ("false" or "0"));

    /// <summary>Why this check starts no session; null when it starts one.</summary>
    /// <param name="refused">--no-server or --no-cache was given.</param>
    public static string? WhyNot(CheckOptions options, string baseDirectory, bool refused, int claims) =>
        WhyNot(options, refused, claims, ServerFolder.UseUserFolder, Environment.GetEnvironmentVariable) ?? Existing(options, baseDirectory);

    /// <summary>The decision from the check and the environment alone.</summary>
    /// <param name="isTool">Whether this process is the factcheck tool (not a test host running commands in-process).</param>
    internal static string? WhyNot(CheckOptions options, bool refused, int claims, bool isTool, Func<string, string?> variable)
    {
        if (ServedCheck.Current is not null) return "answered by a session already";
        if (!isTool) return "not the factcheck tool itself";
        if (!OperatingSystem.IsLinux()) return "sessions run on Linux only";
        if (refused) return "--no-server or --no-cache";
        var setting = Setting(variable);
        if (setting == false) return "FACTCHECK_SERVER=0";
        if (setting is null && CiVariable(variable) is { } ci) return $"{ci} is set (CI); FACTCHECK_SERVER=1 starts sessions there";
        if (options.Engine is not null && !ReferenceEquals(options.Engine, Engine.RuleEngine.Default)) return "another engine";
        if (options.MaxFirings is not null || options.MaxPartialMatches is not null) return "other limits";
        var least = MinClaims(variable);
        if (claims < least) return $"{claims} claims, fewer than {least} (FACTCHECK_SERVER_MIN_CLAIMS)";
        return null;
    }

    private static string? Existing(CheckOptions options, string baseDirectory)
    {
        if (ServerFolder.SocketFor(options, baseDirectory) is not { } socket) return "no place for a session's socket";
        if (File.Exists(socket) && CheckClient.IsLive(socket)) return "a session answers already";
        return SessionStop.IsLoading(socket) ? "a session is loading" : null;
    }

    /// <summary>
    /// Starts <c>factcheck serve --background</c> with the check's claims, rules and rule selection as given, from the
    /// same folder, and does not wait for it: it detaches itself (<see cref="Posix.Detach"/>), and its standard
    /// streams are pipes this process closes at once, so nothing that reads this process's output waits for it.
    /// </summary>
    /// <returns>Whether the process was started.</returns>
    public static bool Start(IReadOnlyList<string> serveArguments, string baseDirectory)
    {
        if (Environment.ProcessPath is not { } program) return false;
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = baseDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Run as `dotnet factcheck.dll`: the same host with the same assembly.
        if (Path.GetFileNameWithoutExtension(program) == "dotnet") start.ArgumentList.Add(typeof(AutoStart).Assembly.Location);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--background");
        foreach (var argument in serveArguments) start.ArgumentList.Add(argument);
        // Workstation GC: at 100,000 claims the load peaks at 1.17 GB resident against server GC's 1.50 GB; once the
        // session has compacted (BackgroundSession) both hold about 0.94 GB, and a check costs the same CPU.
        // A user's own DOTNET_gcServer wins.
        if (Environment.GetEnvironmentVariable("DOTNET_gcServer") is null) start.Environment["DOTNET_gcServer"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null) return false;
            process.StandardInput.Close();
            // Until the session has left this terminal's session (it writes one byte then; nothing, if it fails first):
            // a terminal closed as this check ends would otherwise hang it up while the runtime starts. Bounded.
            var detached = process.StandardOutput.BaseStream.ReadAsync(new byte[1]).AsTask();
            detached.Wait(DetachWait);
            process.StandardOutput.Close();
            process.StandardError.Close();
            return true;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException or AggregateException)
        {
            return false;
        }
    }
}
