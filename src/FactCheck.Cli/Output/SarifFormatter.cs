using System.Text;
using System.Text.Json;
using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, the rules as <c>tool.driver.rules</c>, findings as results
/// (suppressed ones carry <c>suppressions</c>), input and rule errors as tool execution notifications.
/// </summary>
internal sealed class SarifFormatter : IOutputFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/factcheck/factcheck";
    public const string FingerprintKey = "factcheck/v1";
    public const string SourceRoot = "%SRCROOT%";

    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        JsonOutput.Write(writer, json => WriteLog(json, outcome));
    }

    private static void WriteLog(Utf8JsonWriter json, CheckOutcome outcome)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < outcome.Rules.Count; i++) ruleIndex.TryAdd(outcome.Rules[i].Id, i);

        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "FactCheck");
        json.WriteString("semanticVersion", outcome.ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in outcome.Rules) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        WriteInvocation(json, outcome, ruleIndex);

        json.WriteStartArray("results");
        foreach (var finding in outcome.Findings)
        {
            WriteResult(json, finding, outcome.Rules, ruleIndex, outcome.HasBaseline, suppressed: false);
            JsonOutput.FlushIfLarge(json);
        }

        foreach (var finding in outcome.Suppressed)
        {
            WriteResult(json, finding, outcome.Rules, ruleIndex, outcome.HasBaseline, suppressed: true);
            JsonOutput.FlushIfLarge(json);
        }
        json.WriteEndArray();

        // Our columns count UTF-16 code units (what .NET strings and the YAML reader count).
        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleInfo rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Id));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", NonEmpty(rule.Title, rule.Id));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", NonEmpty(rule.Description, NonEmpty(rule.Title, rule.Id)));
        json.WriteEndObject();
        json.WriteStartObject("help");
        var description = NonEmpty(rule.Description, NonEmpty(rule.Title, rule.Id));
        json.WriteString("text", string.IsNullOrWhiteSpace(rule.Fix) ? description : $"{description}\n\nFix: {rule.Fix}");
        json.WriteString("markdown", string.IsNullOrWhiteSpace(rule.Fix) ? description : $"{description}\n\n**Fix:** {rule.Fix}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        // SARIF property bags require distinct tags.
        JsonOutput.WriteStrings(json, "tags", rule.Tags.Distinct(StringComparer.Ordinal).ToList());
        json.WriteString("precision", "high");
        json.WriteString("problem.severity", ProblemSeverity(rule.Severity));
        json.WriteString("file", ArtifactUri(rule.File));
        json.WriteNumber("line", rule.Line);
        json.WriteNumber("column", rule.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, CheckOutcome outcome, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", outcome.InputErrors.Count == 0 && outcome.RuleErrors.Count == 0);
        json.WriteNumber("exitCode", outcome.ExitCode);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in outcome.InputErrors) WriteInputError(json, error);
        foreach (var error in outcome.RuleErrors) WriteRuleError(json, error, ruleIndex);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteInputError(Utf8JsonWriter json, Diagnostic error)
    {
        json.WriteStartObject();
        json.WriteString("level", error.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", error.Help is null ? error.Message : $"{error.Message} ({error.Help})");
        json.WriteEndObject();
        json.WriteStartObject("descriptor");
        json.WriteString("id", error.Code);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        WriteLocation(json, error.Location.File, error.Location.Line, error.Location.Column);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRuleError(Utf8JsonWriter json, RuleError error, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("level", "error");
        json.WriteStartObject("message");
        json.WriteString("text", $"rule error: {error.RuleId}: {error.Message}");
        json.WriteEndObject();
        json.WriteStartObject("descriptor");
        json.WriteString("id", "rule-error");
        json.WriteEndObject();
        json.WriteStartObject("associatedRule");
        json.WriteString("id", error.RuleId);
        if (ruleIndex.TryGetValue(error.RuleId, out var index)) json.WriteNumber("index", index);
        json.WriteEndObject();

        // The facts it failed on first (where the reader looks), then the rule itself; locations must be distinct.
        json.WriteStartArray("locations");
        if (error.FactFile is not null) WriteLocation(json, error.FactFile, error.FactLine, error.FactColumn);
        var samePlace = error.FactFile == error.RuleFile && error.FactLine == error.RuleLine && error.FactColumn == error.RuleColumn;
        if (!samePlace) WriteLocation(json, error.RuleFile, error.RuleLine, error.RuleColumn);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(
        Utf8JsonWriter json, CheckedFinding checkedFinding, IReadOnlyList<RuleInfo> rules, Dictionary<string, int> ruleIndex, bool hasBaseline, bool suppressed)
    {
        var f = checkedFinding.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", f.RuleId);
        var index = ruleIndex.GetValueOrDefault(f.RuleId, -1);
        if (index >= 0) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(f.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", f.Message);
        json.WriteEndObject();

        // Code scanning rejects the whole file if any result lacks a location: a finding without one points at its rule.
        var rule = index >= 0 ? rules[index] : null;
        var atRule = string.IsNullOrEmpty(f.File) && !string.IsNullOrEmpty(rule?.File);
        if (!string.IsNullOrEmpty(f.File) || atRule)
        {
            json.WriteStartArray("locations");
            if (atRule) WriteLocation(json, rule!.File, rule.Line, rule.Column);
            else WriteLocation(json, f.File, f.Line, f.Column);
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, checkedFinding.Fingerprint);
        json.WriteEndObject();
        if (hasBaseline) json.WriteString("baselineState", checkedFinding.IsNew ? "new" : "unchanged");
        if (suppressed)
        {
            // An `ignore:` entry in the repository: code scanning shows the alert as dismissed, not open.
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        JsonOutput.WriteStrings(json, "claims", f.ClaimIds);
        JsonOutput.WriteStrings(json, "sources", f.SourceIds);
        JsonOutput.WriteStrings(json, "facts", f.FactKeys);
        json.WriteBoolean("fails", checkedFinding.Fails);
        if (atRule) json.WriteBoolean("locatedAtRule", true);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string file, int line, int column)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var uri = ArtifactUri(file);
        json.WriteString("uri", uri);
        if (!uri.StartsWith("file:", StringComparison.Ordinal)) json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        if (line >= 1)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            if (column >= 1) json.WriteNumber("startColumn", column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A repository-relative URI: forward slashes, no leading <c>./</c>, each segment percent-encoded.
    /// Absolute paths (outside the checkout) become <c>file:</c> URIs, which code scanning cannot map but keeps.
    /// </summary>
    internal static string ArtifactUri(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        var absolute = normalized.StartsWith('/') || (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':');
        var segments = normalized.Split('/').Select(s => Uri.EscapeDataString(s));
        var encoded = string.Join('/', segments);
        if (!absolute) return encoded;
        return normalized.StartsWith('/') ? "file://" + encoded : "file:///" + encoded;
    }

    /// <summary><c>date-after-publication</c> becomes <c>DateAfterPublication</c>.</summary>
    internal static string PascalCase(string id)
    {
        var name = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.Length > 0 ? name.ToString() : id;
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub's own scale for non-security alerts.</summary>
    private static string ProblemSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "recommendation",
    };

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;
}
