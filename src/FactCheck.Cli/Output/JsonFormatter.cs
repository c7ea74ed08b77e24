using System.Text.Json;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// The machine format, version 1. Property order is fixed and documented (README, "JSON output");
/// consumers may rely on it. Adding properties is compatible; renaming or removing one bumps <c>version</c>.
/// </summary>
internal sealed class JsonFormatter : IOutputFormatter
{
    public const int FormatVersion = 1;

    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        JsonOutput.Write(writer, json => WriteOutcome(json, outcome));
    }

    private static void WriteOutcome(Utf8JsonWriter json, CheckOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);

        json.WriteStartObject("tool");
        json.WriteString("name", "FactCheck");
        json.WriteString("version", outcome.ToolVersion);
        json.WriteEndObject();

        json.WriteStartObject("summary");
        json.WriteNumber("claims", outcome.ClaimCount);
        json.WriteNumber("sources", outcome.SourceCount);
        json.WriteNumber("rules", outcome.Rules.Count);
        json.WriteNumber("findings", outcome.Findings.Count);
        json.WriteNumber("new", OutputText.CountNew(outcome));
        json.WriteNumber("suppressed", outcome.Suppressed.Count);
        json.WriteStartObject("bySeverity");
        json.WriteNumber("error", OutputText.CountSeverity(outcome, RuleSeverity.Error));
        json.WriteNumber("warning", OutputText.CountSeverity(outcome, RuleSeverity.Warning));
        json.WriteNumber("info", OutputText.CountSeverity(outcome, RuleSeverity.Info));
        json.WriteEndObject();
        json.WriteNumber("ruleErrors", outcome.RuleErrors.Count);
        json.WriteNumber("inputErrors", outcome.InputErrors.Count);
        json.WriteNumber("exitCode", outcome.ExitCode);
        json.WriteString("failOn", OutputText.FailOnName(outcome.FailOn));
        json.WriteBoolean("baseline", outcome.HasBaseline);
        json.WriteEndObject();

        json.WriteStartArray("rules");
        foreach (var rule in outcome.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("title", rule.Title);
            json.WriteString("severity", OutputText.SeverityName(rule.Severity));
            json.WriteString("description", rule.Description);
            json.WriteString("fix", rule.Fix);
            JsonOutput.WriteStrings(json, "tags", rule.Tags);
            json.WriteString("file", rule.File);
            json.WriteNumber("line", rule.Line);
            json.WriteNumber("column", rule.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteFindings(json, "findings", outcome.Findings);
        WriteFindings(json, "suppressed", outcome.Suppressed);

        json.WriteStartArray("ruleErrors");
        foreach (var error in outcome.RuleErrors)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", error.RuleId);
            json.WriteString("message", error.Message);
            json.WriteString("ruleFile", error.RuleFile);
            json.WriteNumber("ruleLine", error.RuleLine);
            json.WriteNumber("ruleColumn", error.RuleColumn);
            json.WriteString("file", error.FactFile);
            json.WriteNumber("line", error.FactLine);
            json.WriteNumber("column", error.FactColumn);
            JsonOutput.WriteStrings(json, "facts", error.FactKeys);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("inputErrors");
        foreach (var error in outcome.InputErrors)
        {
            json.WriteStartObject();
            json.WriteString("file", error.Location.File);
            json.WriteNumber("line", error.Location.Line);
            json.WriteNumber("column", error.Location.Column);
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteString("help", error.Help);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<CheckedFinding> findings)
    {
        json.WriteStartArray(name);
        foreach (var checkedFinding in findings)
        {
            var f = checkedFinding.Finding;
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteString("severity", OutputText.SeverityName(f.Severity));
            json.WriteString("message", f.Message);
            json.WriteString("file", f.File);
            json.WriteNumber("line", f.Line);
            json.WriteNumber("column", f.Column);
            json.WriteString("fingerprint", checkedFinding.Fingerprint);
            json.WriteBoolean("new", checkedFinding.IsNew);
            json.WriteBoolean("fails", checkedFinding.Fails);
            JsonOutput.WriteStrings(json, "claims", f.ClaimIds);
            JsonOutput.WriteStrings(json, "sources", f.SourceIds);
            JsonOutput.WriteStrings(json, "facts", f.FactKeys);
            json.WriteEndObject();
            JsonOutput.FlushIfLarge(json);
        }

        json.WriteEndArray();
    }
}
