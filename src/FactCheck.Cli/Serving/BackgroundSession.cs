using FactCheck.Claims.Watching;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Watching;

namespace FactCheck.Cli.Serving;

/// <summary>
/// A session <c>check</c> started by itself (<see cref="AutoStart"/>; <c>factcheck serve --background</c>): detached
/// from the terminal, the only one for its claims, rules, working folder and build (a lock file beside the socket,
/// held for its whole life), loaded at low CPU priority, then answering checks (<see cref="CheckServer"/>) until it
/// has been idle for <see cref="AutoStart.IdleTimeout"/>, its tool build is replaced or removed, its claims or rules
/// path disappears, or <c>factcheck serve --stop</c> is run from its folder. It keeps no file watcher: each check
/// brings it up to date from the disk first (<see cref="WatchSession.Sync"/>).
/// </summary>
internal static class BackgroundSession
{
    /// <summary>How much lower the session loads (10, as <c>nice</c> gives by default).</summary>
    private const int LoadingNice = 10;

    /// <summary>Why a session ended.</summary>
    internal enum Ending
    {
        /// <summary>Another session for the same key holds the lock or answers on the socket.</summary>
        AnotherSession,

        /// <summary>No place for a socket, or it could not listen.</summary>
        CannotListen,

        Idle,
        StopRequested,
        BuildReplaced,
        InputGone,

        /// <summary>Its socket was removed: no check can reach it.</summary>
        Unreachable,
    }

    /// <summary><c>factcheck serve --background</c>: leaves the terminal and serves; prints nothing (nothing reads it).</summary>
    public static int Run(CheckOptions options, string baseDirectory)
    {
        // In a test host (no real program), nothing detaches: only the tool itself runs this.
        if (ServerFolder.UseUserFolder && !Posix.Detach()) return ExitCodes.InternalError;
        Serve(options, baseDirectory, AutoStart.IdleTimeout(), CancellationToken.None);
        return ExitCodes.Success;
    }

    /// <summary>Serves until one of the endings; returns which.</summary>
    /// <param name="buildFiles">The files whose change ends the session: the tool's assemblies unless a test names others.</param>
    public static Ending Serve(CheckOptions options, string baseDirectory, TimeSpan idleTimeout, CancellationToken cancel, IEnumerable<string>? buildFiles = null)
    {
        if (ServerFolder.SocketFor(options, baseDirectory) is not { } path || !ServerFolder.Prepare(Path.GetDirectoryName(path)!)) return Ending.CannotListen;
        using var claimed = Claim(path);
        if (claimed is null || (File.Exists(path) && CheckClient.IsLive(path))) return Ending.AnotherSession;

        var build = (buildFiles ?? ServerFolder.BuildAssemblies.Select(a => a.Location))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (p, FileStamp.Of(p)))
            .ToList();
        var loading = SessionStop.WriteLoading(path, baseDirectory);
        try
        {
            return Serve(options, baseDirectory, idleTimeout, path, build, loading, cancel);
        }
        finally
        {
            SessionStop.RemoveLoading(loading);
        }
    }

    private static Ending Serve(
        CheckOptions options, string baseDirectory, TimeSpan idleTimeout, string path, List<(string Path, FileStamp Stamp)> build, string? loading, CancellationToken cancel)
    {
        var session = LoadQuietly(options, baseDirectory);
        SessionMemory.Compact();
        if (Missing(session)) return Ending.InputGone;
        using var server = CheckServer.Start(session, synced: null, out _);
        if (server is null) return Ending.CannotListen;
        // Listening: --stop asks on the socket from now on.
        SessionStop.RemoveLoading(loading);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, server.StopRequested);
        // SIGTERM (a logout, `kill`) ends it as --stop does, the socket removed. The tool's own process only: a test
        // host's SIGTERM is the test runner's.
        using var onTerm = !ServerFolder.UseUserFolder ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        // Often enough that an idle timeout of a few seconds (tests) is kept to within a second or so.
        var every = TimeSpan.FromMilliseconds(Math.Clamp(idleTimeout.TotalMilliseconds / 4, 100, 2_000));
        // The server gives back what each check leaves once it is idle (SessionMemory).
        while (!stop.Token.WaitHandle.WaitOne(every))
        {
            if (build.Any(f => !FileStamp.Of(f.Path).Same(f.Stamp))) return Ending.BuildReplaced;
            if (!File.Exists(path)) return Ending.Unreachable;
            if (Missing(session)) return Ending.InputGone;
            if (server.Idle >= idleTimeout) return Ending.Idle;
        }

        return Ending.StopRequested;
    }

    /// <summary>
    /// The lock of the session for <paramref name="socketPath"/> (an exclusive lock of a file beside it, released by
    /// the system when the process ends however it ends); null when another process holds it. Two checks that start a
    /// session at once start two processes, and the second ends here.
    /// </summary>
    private static FileStream? Claim(string socketPath)
    {
        try
        {
            // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Unix. The file stays when the session ends: removing it could
            // let a starting session lock a file a third one no longer sees.
            return new FileStream(Path.ChangeExtension(socketPath, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Loads the session on a thread of its own at a lower priority (a Linux nice value is a thread's, and the threads
    /// it starts inherit it, the thread pool's included), so that the editor and the commands the user runs meanwhile
    /// come first; this thread, which goes on to answer checks, keeps its own. The loading threads are then put back to
    /// the priority this thread has (not higher) where the system allows it (an unprivileged process may lower its priority, and
    /// raise it again only as far as RLIMIT_NICE lets it); pool threads left lower retire after 20 s unused.
    /// </summary>
    private static WatchSession LoadQuietly(CheckOptions options, string baseDirectory)
    {
        WatchSession? session = null;
        Exception? failed = null;
        // Only in the tool's own process: a test host's pool threads must not be left slower.
        var own = ServerFolder.UseUserFolder ? Posix.ThreadNice() : null;
        var loader = new Thread(() =>
        {
            if (own is { } nice) Posix.SetThreadNice(Math.Min(nice + LoadingNice, 19));
            try
            {
                session = new WatchSession(options, baseDirectory);
            }
            catch (Exception ex)
            {
                failed = ex;
            }
        }) { IsBackground = true, Name = "factcheck session load" };
        loader.Start();
        loader.Join();
        if (own is { } before) Posix.RestoreThreadsNice(before);
        if (failed is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        return session!;
    }

    private static bool Missing(WatchSession session) =>
        new[] { session.ClaimsPath, session.RulesPath }.Any(p => p is not null && !File.Exists(p) && !Directory.Exists(p));
}
