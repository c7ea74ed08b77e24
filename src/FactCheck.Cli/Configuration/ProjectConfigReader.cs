using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// Finds and reads <c>factcheck.yaml</c> with the claims loader's YAML reader and diagnostics, so a mistake in it
/// reads like one in a claims file: <c>factcheck.yaml:3:1: error: unknown key 'claim'; did you mean 'claims'?</c>.
/// </summary>
internal static class ProjectConfigReader
{
    /// <summary>The names looked for in each folder, in this order (the dotted one for repositories that keep their top level clean).</summary>
    public static readonly IReadOnlyList<string> FileNames = ["factcheck.yaml", ".factcheck.yaml"];

    /// <summary><c>rules: bundled</c> asks for the pack shipped with the tool even when a rules folder exists.</summary>
    public const string BundledRulesValue = "bundled";

    public static readonly IReadOnlyList<string> Keys =
        ["claims", "rules", "report", "fail-on", "min-severity", "baseline", "baseline-ref", "enable", "disable", "severity"];

    private static readonly string[] FailOnWords = ["error", "warning", "info", "never"];

    /// <summary>
    /// The nearest configuration file from <paramref name="startDirectory"/> upwards. The search stops at the top of
    /// the git repository holding the start folder (a file above it belongs to something else), else at the root.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var name in FileNames)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate)) return candidate;
            }

            if (Path.Exists(Path.Combine(dir.FullName, ".git"))) return null;
        }

        return null;
    }

    /// <summary>Reads the file at <paramref name="fullPath"/>; every problem is added to <paramref name="diagnostics"/>.</summary>
    /// <param name="displayPath">The path errors name.</param>
    public static ProjectConfig Read(string fullPath, string displayPath, ICollection<Diagnostic> diagnostics)
    {
        var empty = new ProjectConfig(fullPath, displayPath, null, null, null, false, null, false, null, null, null, [], [], []);
        var text = InputText.Read(fullPath, displayPath, diagnostics);
        if (text is null) return empty;
        var documents = YamlTreeReader.Read(text, displayPath, diagnostics);
        if (documents.Count == 0) return empty;
        if (documents.Count > 1)
        {
            diagnostics.Add(Diagnostic.Error(documents[1].Location, "extra-document", $"{Path.GetFileName(fullPath)} holds one document; remove the second '---'"));
        }

        var map = MappingView.Of(documents[0], Path.GetFileName(fullPath), Keys, diagnostics);
        if (map is null) return empty;

        var report = map.Scalar("report", required: false);
        var noReport = report is { IsPlain: true, Value: "false" };
        if (report is { IsPlain: true, Value: "true" })
        {
            map.Report(report.Location, "unknown-value", "'report: true' names no file", "give the report's file name (e.g. factcheck.db), or false to record nothing");
            report = null;
        }

        var failOn = Level(map, "fail-on", FailOnWords);
        var display = Level(map, "min-severity", KebabCase.Words<RuleSeverity>());
        return empty with
        {
            Claims = NonEmpty(map, "claims"),
            Rules = NonEmpty(map, "rules"),
            Report = noReport ? null : report is null ? null : NonEmpty(map, "report"),
            NoReport = noReport,
            FailOn = failOn is null or "never" ? null : KebabCase.TryParse<RuleSeverity>(failOn, out var f) ? f : null,
            FailNever = failOn == "never",
            DisplayLevel = display is not null && KebabCase.TryParse<RuleSeverity>(display, out var d) ? d : null,
            Baseline = NonEmpty(map, "baseline"),
            BaselineRef = GitRef(map),
            Enable = Ids(map, "enable", diagnostics),
            Disable = Ids(map, "disable", diagnostics),
            Severity = Severities(map, diagnostics),
        };
    }

    private static string? NonEmpty(MappingView map, string key)
    {
        var scalar = map.Scalar(key, required: false);
        if (scalar is null) return null;
        if (!string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value;
        map.Report(scalar.Location, "empty-value", $"'{key}' must not be empty", "remove the key to use the default");
        return null;
    }

    private static string? GitRef(MappingView map)
    {
        var value = NonEmpty(map, "baseline-ref");
        if (value is null || (!value.StartsWith('-') && !value.Any(char.IsWhiteSpace))) return value;
        map.Report(map.Node("baseline-ref")!.Location, "unknown-value", $"'{value}' is not a git ref", "write a branch, tag or commit such as origin/main");
        return null;
    }

    private static string? Level(MappingView map, string key, IReadOnlyList<string> words)
    {
        var scalar = map.Scalar(key, required: false);
        if (scalar is null) return null;
        if (words.Contains(scalar.Value)) return scalar.Value;
        map.Report(
            scalar.Location,
            "unknown-value",
            $"'{scalar.Value}' is not a valid {key}{Suggestions.DidYouMean(scalar.Value, words)}",
            $"use one of: {string.Join(", ", words)}");
        return null;
    }

    private static List<RuleReference> Ids(MappingView map, string key, ICollection<Diagnostic> diagnostics)
    {
        var result = new List<RuleReference>();
        if (map.Node(key) is YamlScalar single)
        {
            // A lone id where a list is expected is what was meant: disable: dates.future.
            result.Add(new RuleReference(single.Value, single.Location));
            return result;
        }

        foreach (var item in map.List(key, required: false))
        {
            if (item is YamlScalar { IsNull: false } scalar) result.Add(new RuleReference(scalar.Value, scalar.Location));
            else diagnostics.Add(Diagnostic.Error(item.Location, "wrong-type", $"each entry of '{key}' must be a rule id, found {item.Describe()}"));
        }

        return result;
    }

    private static List<SeverityOverride> Severities(MappingView map, ICollection<Diagnostic> diagnostics)
    {
        var result = new List<SeverityOverride>();
        var node = map.Node("severity");
        if (node is null) return result;
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                node.Location, "wrong-type", $"'severity' must be a mapping of rule ids to severities, found {node.Describe()}", "write e.g. 'severity: {attribution.anonymous: info}'"));
            return result;
        }

        var words = KebabCase.Words<RuleSeverity>();
        foreach (var (key, value) in mapping.Entries)
        {
            if (value is not YamlScalar scalar || scalar.IsNull)
            {
                diagnostics.Add(Diagnostic.Error(value.Location, "wrong-type", $"the severity of '{key.Value}' must be one of {string.Join(", ", words)}, found {value.Describe()}"));
            }
            else if (KebabCase.TryParse<RuleSeverity>(scalar.Value, out var severity))
            {
                result.Add(new SeverityOverride(key.Value, severity, key.Location));
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(
                    scalar.Location,
                    "unknown-value",
                    $"'{scalar.Value}' is not a valid severity{Suggestions.DidYouMean(scalar.Value, words)}",
                    $"use one of: {string.Join(", ", words)}; to turn a rule off, list it under 'disable'"));
            }
        }

        return result;
    }
}
