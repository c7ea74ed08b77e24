using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Report;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck report</c>: what a run found and how it differs from the run before.</summary>
internal static class ReportCommand
{
    /// <summary>The version of <c>report --format json</c>'s shape; adding properties keeps it, renaming or removing bumps it.</summary>
    public const int JsonVersion = 1;

    public static Command Create()
    {
        var db = ReportOptions.Database();
        var run = new Option<long?>("--run")
        {
            Description = "The run to summarise, by id (default: the latest).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
                result.AddError($"--run '{TerminalText.Escape(token)}' is not a run id: give a whole number such as 3 (factcheck query \"SELECT run_id, started_at FROM runs\" lists them)");
                return null;
            },
        };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var html = new Option<string?>("--html") { Description = "Also write the run's self-contained HTML page to this file (with what the report keeps: findings, claims' words and printings, sources)." };
        var command = new Command("report", "Summarise a run recorded in the report, and its difference from the run before (new, fixed, unchanged findings).")
        {
            db, run, format, html,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = ReportOptions.Existing(parse.GetValue(db)!, error);
            if (path is null) return ExitCodes.InvalidInput;
            using var store = ReportStore.OpenReadOnly(path);
            var runs = store.GetRuns();
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(run) is null && store.LatestRunId is null)
            {
                if (json) JsonOutput.Write(output, w => w.WriteNullValue());
                else if (store.LatestRunIdIncludingFailed is null) output.WriteLine("the report holds no run yet; run 'factcheck check' to record one");
                else output.WriteLine("the report holds no complete run yet: every run failed");
                return ExitCodes.Success;
            }

            if (parse.GetValue(run) is { } wanted && runs.All(r => r.RunId != wanted))
            {
                error.WriteLine($"factcheck report: the report '{parse.GetValue(db)}' has no run {wanted} ({OutputText.RunsHeld(runs)})");
                return ExitCodes.InvalidInput;
            }

            var summary = store.GetRunSummary(parse.GetValue(run));
            if (parse.GetValue(html) is { } htmlPath && Html.HtmlPageFile.Write(htmlPath, Html.RecordedRun.Read(store, summary.Run), error) is { } failed) return failed;
            if (summary.Run.Failed)
            {
                // A failed run's findings are partial: compared with any run, most would look new or fixed.
                if (json)
                {
                    JsonOutput.Write(output, w =>
                    {
                        w.WriteStartObject();
                        w.WriteNumber("run", summary.Run.RunId);
                        w.WriteBoolean("failed", true);
                        w.WriteNumber("errors", summary.Errors);
                        w.WriteNumber("findings", summary.Findings);
                        w.WriteEndObject();
                    });
                    return ExitCodes.Success;
                }

                output.WriteLine($"run {summary.Run.RunId} failed ({summary.Errors} errors: invalid input or rule errors); its {summary.Findings} findings are partial and not compared");
                return ExitCodes.Success;
            }

            var diff = store.DiffWithPrevious(summary.Run.RunId);
            if (json) JsonOutput.Write(output, w => WriteJson(w, summary, diff));
            else WriteText(output, summary, diff);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, RunSummary summary, RunDiff diff)
    {
        var inv = CultureInfo.InvariantCulture;
        var (commit, dirty) = SplitCommit(summary.Run.GitCommit);
        var at = commit is null ? string.Empty
            : $", commit {commit[..Math.Min(12, commit.Length)]}{(dirty ? " with uncommitted changes to the claims or rules" : string.Empty)}";
        var text = new System.Text.StringBuilder();
        text.Append(string.Create(inv, $"run {summary.Run.RunId} ({summary.Run.StartedAt:yyyy-MM-dd HH:mm:ss}Z, factcheck {TerminalText.Escape(summary.Run.ToolVersion)}{at})\n"));
        text.Append(string.Create(inv, $"  inputs: {OutputText.Count(summary.Claims, "claim", "claims")} ({Join(summary.ClaimsByStatus)}), {OutputText.Count(summary.Sources, "source", "sources")}\n"));

        // Run errors (a rule that failed, or input that did not load) are not findings: said apart, in other words.
        text.Append(summary.Errors == 0
            ? string.Create(inv, $"  rules: {summary.Rules} ran without run errors\n")
            : string.Create(inv, $"  rules: {summary.Rules}; {OutputText.Count(summary.Errors, "run error", "run errors")} (a rule that failed, or input that did not load: see the run_errors table)\n"));
        text.Append(string.Create(inv, $"  findings: {summary.Findings}{(summary.Findings == 0 ? string.Empty : $" (by severity: {BySeverity(summary.FindingsBySeverity)})")}\n"));
        text.Append(summary.PreviousRunId is { } previous
            ? string.Create(inv, $"  since run {previous}: {diff.New.Count} new, {diff.Fixed.Count} fixed, {diff.Unchanged.Count} unchanged\n")
            : "  first run: every finding is new\n");
        Section(text, "new", diff.New);
        Section(text, "fixed", diff.Fixed);
        output.Write(text.ToString());
    }

    private static void WriteJson(Utf8JsonWriter json, RunSummary summary, RunDiff diff)
    {
        var (commit, dirty) = SplitCommit(summary.Run.GitCommit);
        json.WriteStartObject();
        json.WriteNumber("version", JsonVersion);
        json.WriteStartObject("run");
        json.WriteNumber("id", summary.Run.RunId);
        json.WriteString("startedAt", summary.Run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteString("finishedAt", summary.Run.FinishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteString("toolVersion", summary.Run.ToolVersion);
        json.WriteString("gitCommit", commit);
        json.WriteBoolean("dirty", dirty);
        json.WriteString("claimsDigest", summary.Run.ClaimsDigest);
        json.WriteString("rulesDigest", summary.Run.RulesDigest);
        json.WriteEndObject();
        if (summary.PreviousRunId is { } previous) json.WriteNumber("previousRun", previous);
        else json.WriteNull("previousRun");
        json.WriteNumber("claims", summary.Claims);
        json.WriteNumber("sources", summary.Sources);
        json.WriteNumber("rules", summary.Rules);
        json.WriteNumber("runErrors", summary.Errors);
        WriteCounts(json, "claimsByStatus", summary.ClaimsByStatus);
        json.WriteNumber("findings", summary.Findings);
        json.WriteStartObject("findingsBySeverity");
        foreach (var severity in new[] { "error", "warning", "info" }) json.WriteNumber(severity, summary.FindingsBySeverity.GetValueOrDefault(severity));
        json.WriteEndObject();
        json.WriteStartObject("sincePrevious");
        json.WriteNumber("new", diff.New.Count);
        json.WriteNumber("fixed", diff.Fixed.Count);
        json.WriteNumber("unchanged", diff.Unchanged.Count);
        json.WriteEndObject();
        WriteFindings(json, "new", diff.New);
        WriteFindings(json, "fixed", diff.Fixed);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) json.WriteNumber(key, count);
        json.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<ReportedFinding> findings)
    {
        json.WriteStartArray(name);
        foreach (var f in Ordered(findings))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteString("severity", f.Severity);
            json.WriteString("message", f.Message);
            json.WriteString("file", f.File);
            json.WriteNumber("line", f.Line ?? 0);
            json.WriteNumber("column", f.Column ?? 0);
            json.WriteString("fingerprint", f.Fingerprint);
            json.WriteEndObject();
            JsonOutput.FlushIfLarge(json);
        }

        json.WriteEndArray();
    }

    /// <summary>The commit and whether the run's inputs differed from it (see <see cref="GitInfo"/>).</summary>
    private static (string? Commit, bool Dirty) SplitCommit(string? recorded) =>
        recorded is not null && recorded.EndsWith(GitInfo.DirtySuffix, StringComparison.Ordinal)
            ? (recorded[..^GitInfo.DirtySuffix.Length], true)
            : (recorded, false);

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {TerminalText.Escape(kv.Key)}"));

    /// <summary>Most severe first, as <c>check</c> lists them.</summary>
    private static string BySeverity(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(kv => SeverityRank(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {TerminalText.Escape(kv.Key)}"));

    private static int SeverityRank(string severity) => severity switch
    {
        "error" => 0,
        "warning" => 1,
        "info" => 2,
        _ => 3,
    };

    private static IEnumerable<ReportedFinding> Ordered(IReadOnlyList<ReportedFinding> findings) =>
        findings.OrderBy(f => SeverityRank(f.Severity)).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal);

    private static void Section(System.Text.StringBuilder text, string title, IReadOnlyList<ReportedFinding> findings)
    {
        if (findings.Count == 0) return;
        text.Append(title).Append(":\n");
        foreach (var f in Ordered(findings))
        {
            text.Append("  ").Append(OutputText.Position(TerminalText.Escape(f.File), f.Line ?? 0, f.Column ?? 0))
                .Append(' ').Append(TerminalText.Escape(f.Severity))
                .Append(' ').Append(TerminalText.Escape(f.RuleId))
                .Append(' ').Append(TerminalText.Escape(f.Message)).Append('\n');
        }
    }
}
