using System.Runtime.InteropServices;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Cli.Serving;

namespace FactCheck.Cli.Watching;

/// <summary>
/// <c>check --watch</c>: the first check printed in full, then what each save changes, until Ctrl-C; meanwhile
/// <c>check</c> processes for the same claims and rules are answered from the session (<see cref="CheckServer"/>).
/// <c>factcheck serve</c> is the same without the printing.
/// </summary>
internal static class WatchCommand
{
    public static int Run(CheckOptions options, string baseDirectory, IOutputFormatter first, TextWriter output)
    {
        var session = new WatchSession(options, baseDirectory);
        first.Write(session.Outcome, output);
        if (Missing(session) is { } missing)
        {
            // The first check has said what is wrong; there is nothing to watch until it exists.
            output.WriteLine($"factcheck: not watching: '{missing}' does not exist");
            return ExitCodes.InvalidInput;
        }

        using var server = CheckServer.Start(session, (update, outcome) => WatchLoop.PrintLocked(update, outcome, output), out var why);
        Loop(session, output, server?.StopRequested ?? CancellationToken.None, () =>
        {
            if (server is not null) output.WriteLine("factcheck: `factcheck check` on these claims and rules, from this folder, is answered by this session meanwhile");
            else if (ServerFolder.Folder() is not null) output.WriteLine($"factcheck: `factcheck check` is not answered by this session: {why}");
        });
        return ExitCodes.Success;
    }

    /// <summary><c>factcheck serve</c>: a session that answers checks and keeps itself up to date with each save, silently.</summary>
    public static int Serve(CheckOptions options, string baseDirectory, TextWriter error)
    {
        if (ServerFolder.Folder() is null)
        {
            error.WriteLine("factcheck serve: checks are served on Linux only (a Unix socket in a folder private to the user)");
            return ExitCodes.InvalidInput;
        }

        var session = new WatchSession(options, baseDirectory);
        if (Missing(session) is { } missing)
        {
            error.WriteLine($"factcheck serve: '{missing}' does not exist (give a claims file or a folder of them, and a rules folder; --claims, --rules)");
            return ExitCodes.InvalidInput;
        }

        using var server = CheckServer.Start(session, synced: null, out var why);
        if (server is null)
        {
            error.WriteLine($"factcheck serve: {why}");
            return ExitCodes.InvalidInput;
        }

        var claims = session.Claims.ClaimSet;
        Loop(session, TextWriter.Null, server.StopRequested, () =>
        {
            error.WriteLine(
                $"factcheck: serving `factcheck check` on {session.ClaimsPath} ({claims.Claims.Count:N0} claims) and {session.RulesPath ?? "the bundled rules"}, "
                + $"from {baseDirectory}, on {server.SocketPath}; Ctrl-C ends");
            error.Flush();
        });
        return ExitCodes.Success;
    }

    /// <summary>The claims or rules path that does not exist (a watcher needs a file or folder to watch); null when both do.</summary>
    private static string? Missing(WatchSession session) =>
        new[] { session.ClaimsPath, session.RulesPath }.FirstOrDefault(path => path is not null && !File.Exists(path) && !Directory.Exists(path));

    /// <param name="stopRequested">Fired by <c>factcheck serve --stop</c> (<see cref="CheckServer.StopRequested"/>).</param>
    /// <param name="ready">Says the session is ready, once Ctrl-C and SIGTERM end it cleanly (before, they killed it mid-start).</param>
    private static void Loop(WatchSession session, TextWriter output, CancellationToken stopRequested, Action ready)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopRequested);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // End the loop cleanly instead of the process being killed mid-write.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            ready();
            WatchLoop.Run(session, output, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
