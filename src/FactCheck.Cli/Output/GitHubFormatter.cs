using System.Globalization;
using System.Text;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands: <c>::error</c> for input errors, then one <c>::error</c>/<c>::warning</c>/
/// <c>::notice</c> line per finding shown that is new since the baseline (only what is new can fail the run), errors before warnings before notices (GitHub keeps only the first
/// few annotations of each kind per step, so the ones that matter come first), <c>::error</c> for rule errors,
/// then the plain summary line and how many findings <c>--min-severity</c> left out.
/// </summary>
internal sealed class GitHubFormatter(TextOutputOptions options) : IOutputFormatter
{
    public GitHubFormatter()
        : this(TextOutputOptions.Plain)
    {
    }

    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        var text = new StringBuilder();
        foreach (var error in outcome.InputErrors)
        {
            var message = error.Help is null ? error.Message : $"{error.Message} ({error.Help})";
            AppendCommand(text, "error", error.Location.File, error.Location.Line, error.Location.Column, error.Code, message);
        }

        var old = 0;
        var view = DisplayView.Of(outcome, options.MinSeverity);
        foreach (var finding in view.Shown)
        {
            if (!finding.IsNew)
            {
                old++;
                continue;
            }

            var f = finding.Finding;
            AppendCommand(text, Command(f.Severity), f.File, f.Line, f.Column, f.RuleId, f.Message);
        }

        foreach (var error in outcome.RuleErrors)
        {
            var rule = OutputText.Position(error.RuleFile, error.RuleLine, error.RuleColumn);
            var message = $"rule error: {error.RuleId} ({rule}): {error.Message}";

            // Annotate the claim the rule failed on when known: that is where the pull request changed something.
            var (file, line, column) = error.FactFile is not null
                ? (error.FactFile, error.FactLine, error.FactColumn)
                : (error.RuleFile, error.RuleLine, error.RuleColumn);
            AppendCommand(text, "error", file, line, column, $"rule error: {error.RuleId}", message);
        }

        if (old > 0) text.Append("factcheck: ").Append(OutputText.Count(old, "finding", "findings")).Append(" already in the baseline not annotated\n");
        text.Append(WorkflowCommands.PlainLine(OutputText.Summary(outcome))).Append('\n');
        if (view.HiddenCount > 0) text.Append(WorkflowCommands.PlainLine(TextFormatter.HiddenLine(view))).Append('\n');
        writer.Write(text.ToString());
    }

    private static string Command(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "notice",
    };

    private static void AppendCommand(StringBuilder text, string command, string? file, int line, int column, string title, string message)
    {
        var properties = new List<string>(4);
        if (!string.IsNullOrEmpty(file)) properties.Add("file=" + WorkflowCommands.Property(file.Replace('\\', '/')));
        if (line >= 1)
        {
            properties.Add("line=" + line.ToString(CultureInfo.InvariantCulture));
            if (column >= 1) properties.Add("col=" + column.ToString(CultureInfo.InvariantCulture));
        }

        properties.Add("title=" + WorkflowCommands.Property(title));
        text.Append("::").Append(command).Append(' ').Append(string.Join(',', properties))
            .Append("::").Append(WorkflowCommands.Data(message)).Append('\n');
    }
}
