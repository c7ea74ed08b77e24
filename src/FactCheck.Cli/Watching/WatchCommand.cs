using System.Runtime.InteropServices;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Watching;

/// <summary><c>check --watch</c>: the first check printed in full, then what each save changes, until Ctrl-C.</summary>
internal static class WatchCommand
{
    public static int Run(CheckOptions options, string baseDirectory, IOutputFormatter first, TextWriter output)
    {
        var session = new WatchSession(options, baseDirectory);
        first.Write(session.Outcome, output);
        using var stop = new CancellationTokenSource();
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
            WatchLoop.Run(session, output, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return ExitCodes.Success;
    }
}
