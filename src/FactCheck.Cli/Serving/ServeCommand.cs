using System.CommandLine;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Watching;

namespace FactCheck.Cli.Serving;

/// <summary>
/// <c>factcheck serve</c>: keeps a session of the claims and rules (as <c>check --watch</c> does, without printing)
/// so that each <c>factcheck check</c> run from the same folder on them is answered in a fraction of a second.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var claims = new Option<string?>("--claims") { Description = "The claims folder or file. Default: factcheck.yaml's, else claims/ here or in a folder above." };
        var rules = new Option<string?>("--rules") { Description = "The rules folder or file. Default: factcheck.yaml's, else rules/ beside claims/, else the bundled pack." };
        var only = new Option<string[]>("--rule") { Description = "Run only this rule (repeatable); checks must ask for the same rules.", AllowMultipleArgumentsPerToken = true };
        var stop = new Option<bool>("--stop") { Description = "Stop the sessions started from this folder (by `check`, `serve` or `check --watch`), then exit." };
        // What `check` starts by itself (AutoStart): detached, silent, ending when idle; not for people to type.
        var background = new Option<bool>("--background") { Hidden = true };
        var command = new Command(
            "serve",
            "Keep the claims and rules loaded, and answer `factcheck check` runs on them from this folder (exactly as in-process, in a fraction of the time) until Ctrl-C; --stop ends the sessions of this folder. Linux only; see docs/commands.md.")
        {
            claims, rules, only, stop, background,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var baseDirectory = CliContext.WorkingDirectory;
            if (parse.GetValue(stop))
            {
                if (ServerFolder.Folder() is null)
                {
                    stderr.WriteLine("factcheck serve: checks are served on Linux only (a Unix socket in a folder private to the user)");
                    return ExitCodes.InvalidInput;
                }

                var stopped = SessionStop.Run(baseDirectory);
                foreach (var what in stopped) stdout.WriteLine($"factcheck: stopped {what}");
                if (stopped.Count == 0) stdout.WriteLine("factcheck: no session started from this folder was running");
                return ExitCodes.Success;
            }

            // A session started by hand, before anything is read or printed (AutoStart sets the GC of the one it starts).
            if (!parse.GetValue(background)) WorkstationGc.Ensure(stderr);
            var settings = CheckSettings.Resolve(
                Project.Discover(baseDirectory), parse.GetValue(claims), parse.GetValue(rules), db: null, noReport: true,
                failOn: null, baseline: null, baselineRef: null, parse.GetValue(only) ?? []);
            if (parse.GetValue(background)) return BackgroundSession.Run(settings.Options, baseDirectory);
            if (settings.Options.UseBundledRules) stderr.WriteLine($"factcheck: {settings.RulesNote}");
            return WatchCommand.Serve(settings.Options, baseDirectory, stderr);
        });
        return command;
    }
}
