using System.CommandLine;
using FactCheck.Cli.Commands;

namespace FactCheck.Cli;

/// <summary>The <c>factcheck</c> command line, runnable in-process with its own output writers (tests do).</summary>
public static class FactCheckApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, workingDirectory: null);

    /// <param name="workingDirectory">Where relative paths are read from; the current directory when null.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string? workingDirectory)
    {
        using var scope = CliContext.Use(workingDirectory);
        var root = new RootCommand("FactCheck: keep track of claims in the news and check them with rules.")
        {
            ValidateCommand.Create(),
            CheckCommand.Create(),
            TestCommand.Create(),
            ReportCommand.Create(),
            QueryCommand.Create(),
            InitCommand.Create(),
            RulesCommand.Create(),
            DraftCommand.Create(),
            MatchCommand.Create(),
            ExportCommand.Create(),
            ImportCommand.Create(),
            Serving.ServeCommand.Create(),
        };
        Output.HelpText.AddTo(root);

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = root.Parse(args);

            // A usage error gets the error and its typo correction, not the whole help text; "factcheck" alone gets
            // the commands.
            if (parse.Action is System.CommandLine.Invocation.ParseErrorAction parseError)
            {
                parseError.ShowHelp = args.Length == 0;
            }

            var code = parse.Invoke(config);

            // System.CommandLine answers usage errors with 1; ours are "invalid input".
            return parse.Errors.Count > 0 ? ExitCodes.InvalidInput : code;
        }
        catch (Report.ReportException ex)
        {
            error.WriteLine($"factcheck: {ex.Message}");
            return ExitCodes.InternalError;
        }
        catch (OutOfMemoryException)
        {
            // Every input is bounded (docs/guarantees.md), but the bounds are sized for a whole CI machine.
            error.WriteLine("factcheck: out of memory: the input needs more memory than this machine has; split the claims, or lower the limits (see docs/guarantees.md)");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException { InnerException: IOException })
        {
            // The environment, not a bug: standard output closed or on a full disk, a file gone while being read.
            error.WriteLine($"factcheck: input/output error: {(ex.InnerException ?? ex).Message}");
            return ExitCodes.InternalError;
        }
        catch (Exception ex)
        {
            error.WriteLine($"factcheck: internal error: {ex.GetType().Name}: {ex.Message}");
            error.WriteLine("This is a bug in FactCheck; please report it with the command you ran (set FACTCHECK_DEBUG=1 for details).");
            if (Environment.GetEnvironmentVariable("FACTCHECK_DEBUG") == "1") error.WriteLine(ex.ToString());
            return ExitCodes.InternalError;
        }
    }
}
