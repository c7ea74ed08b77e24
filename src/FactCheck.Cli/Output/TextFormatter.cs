using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Output;

/// <summary>
/// The human format: input errors, then findings grouped by file (a blank line between files), one
/// <c>file:line:col severity rule-id message</c> line each, then rule errors, then the summary.
/// </summary>
internal sealed class TextFormatter(TextOutputOptions options) : IOutputFormatter
{
    private const string Reset = "\u001b[0m";
    private const int FlushAt = 64 * 1024;

    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";

    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);

        // Built with '\n' (TextWriter.WriteLine would use the platform newline) and passed on in pieces of 64 K
        // characters: 184,679 findings are 31 MB of text, which built whole doubled the memory the run touched.
        var text = new StringBuilder();
        foreach (var error in outcome.InputErrors)
        {
            text.Append(FormatInputError(error)).Append('\n');
        }

        string? currentFile = null;
        var first = true;
        foreach (var finding in outcome.Findings)
        {
            var file = finding.Finding.File;
            if (!first && !string.Equals(file, currentFile, StringComparison.Ordinal)) text.Append('\n');
            currentFile = file;
            first = false;
            text.Append(FormatFinding(finding, outcome.HasBaseline)).Append('\n');
            if (text.Length < FlushAt) continue;
            writer.Write(text);
            text.Clear();
        }

        if (outcome.RuleErrors.Count > 0 && (outcome.Findings.Count > 0 || outcome.InputErrors.Count > 0)) text.Append('\n');
        foreach (var error in outcome.RuleErrors)
        {
            text.Append(FormatRuleError(error)).Append('\n');
        }

        if (text.Length > 0) text.Append('\n');
        text.Append(Paint(Bold, OutputText.Summary(outcome))).Append('\n');
        writer.Write(text);
    }

    private string FormatFinding(CheckedFinding checkedFinding, bool hasBaseline)
    {
        var f = checkedFinding.Finding;
        var line = $"{OutputText.Position(f.File, f.Line, f.Column)} {Paint(SeverityColor(f.Severity), OutputText.SeverityName(f.Severity))} {f.RuleId} {f.Message}";

        // With a baseline only new findings can fail the run, so they are the ones worth marking.
        return hasBaseline && checkedFinding.IsNew ? line + " " + Paint(Bold, "[new]") : line;
    }

    private string FormatInputError(Diagnostic diagnostic)
    {
        if (!options.Color) return diagnostic.ToString();
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? Paint(Red, "error") : Paint(Yellow, "warning");
        return diagnostic.Help is null
            ? $"{diagnostic.Location}: {severity}: {diagnostic.Message}"
            : $"{diagnostic.Location}: {severity}: {diagnostic.Message} ({diagnostic.Help})";
    }

    private string FormatRuleError(RuleError error)
    {
        var text = $"{Paint(Red, "rule error")}: {error.RuleId} ({OutputText.Position(error.RuleFile, error.RuleLine, error.RuleColumn)}): {error.Message}";
        return error.FactFile is null
            ? text
            : $"{text} {Paint(Dim, $"[at {OutputText.Position(error.FactFile, error.FactLine, error.FactColumn)}]")}";
    }

    private static string SeverityColor(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => Red,
        RuleSeverity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string color, string text) => options.Color ? color + text + Reset : text;
}
