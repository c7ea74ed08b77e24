using System.CommandLine;
using FactCheck.Claims.Loading;
using FactCheck.Cli.Output;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Commands;

/// <summary>
/// <c>check</c>'s display options: what a person sees in the text and github formats. None of them changes
/// the exit code or what the report, JSON and SARIF record.
/// </summary>
internal sealed class DisplayOptions
{
    private DisplayOptions()
    {
        MinSeverity.AcceptOnlyFromAmong("error", "warning", "info");
    }

    public Option<string> MinSeverity { get; } = new("--min-severity")
    {
        Description = "List findings at or above this severity (text and github formats; lower ones are counted). "
            + "Findings that fail the run are always listed. Does not change the report, JSON or SARIF.",
        DefaultValueFactory = _ => OutputText.SeverityName(TextOutputOptions.DefaultMinSeverity),
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only the findings, one self-contained line each: no headings, summary, hints or progress.",
    };

    public Option<bool> Statistics { get; } = new("--statistics")
    {
        Description = "Print the number of findings per rule instead of the findings (text format).",
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour the output. Also NO_COLOR=1; FORCE_COLOR=1 colours even into a pipe.",
    };

    public static DisplayOptions Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(MinSeverity);
        command.Options.Add(Quiet);
        command.Options.Add(Statistics);
        command.Options.Add(NoColor);
    }

    /// <summary>The options for the chosen format, or null after writing a usage error.</summary>
    /// <param name="configured">The display level of factcheck.yaml, used when <c>--min-severity</c> is not given.</param>
    public TextOutputOptions? Read(ParseResult parse, string format, bool toFile, TextWriter stdout, TextWriter stderr, RuleSeverity? configured = null)
    {
        var statistics = parse.GetValue(Statistics);
        var quiet = parse.GetValue(Quiet);
        if (statistics && format != OutputFormats.Text)
        {
            stderr.WriteLine($"factcheck check: --statistics applies to the text format only, not {format}");
            return null;
        }

        if (statistics && quiet)
        {
            stderr.WriteLine("factcheck check: --statistics and --quiet cannot be combined; choose one");
            return null;
        }

        var given = parse.GetResult(MinSeverity) is { Implicit: false };
        var minSeverity = given && KebabCase.TryParse<RuleSeverity>(parse.GetValue(MinSeverity)!, out var severity) ? severity
            : configured ?? TextOutputOptions.DefaultMinSeverity;
        // Only the process's own standard output is ever coloured: not a file, nor a writer given in-process (tests).
        // A served check (Serving/) writes for its client: the client's standard output and environment decide.
        var served = Serving.ServedCheck.Current?.Request;
        var isConsole = served?.OutputIsConsole ?? stdout == Console.Out;
        var isTerminal = served?.OutputIsTerminal ?? (isConsole && !Console.IsOutputRedirected);
        var color = format == OutputFormats.Text
            && ColorChoice.Decide(parse.GetValue(NoColor), toFile || !isConsole, isTerminal, Serving.ServedCheck.Variable);
        return new TextOutputOptions(color, minSeverity, quiet, statistics);
    }
}
