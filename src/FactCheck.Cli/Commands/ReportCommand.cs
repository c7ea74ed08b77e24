using System.CommandLine;
using System.Globalization;
using FactCheck.Report;

namespace FactCheck.Cli.Commands;

/// <summary><c>factcheck report</c>: what a run found and how it differs from the run before.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var db = ReportOptions.Database();
        var run = new Option<long?>("--run") { Description = "The run to summarise (default: the latest)." };
        var command = new Command("report", "Summarise a run recorded in the report, and its difference from the run before (new, fixed, unchanged findings).")
        {
            db, run,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = ReportOptions.Existing(parse.GetValue(db)!, parse.InvocationConfiguration.Error);
            if (path is null) return ExitCodes.InvalidInput;
            using var store = ReportStore.OpenReadOnly(path);
            if (parse.GetValue(run) is null && store.LatestRunId is null)
            {
                output.WriteLine(store.LatestRunIdIncludingFailed is null ? "the report holds no run yet" : "the report holds no complete run yet: every run failed");
                return ExitCodes.Success;
            }

            var summary = store.GetRunSummary(parse.GetValue(run));
            if (summary.Run.Failed)
            {
                // A failed run's findings are partial: compared with any run, most would look new or fixed.
                output.WriteLine($"run {summary.Run.RunId} failed ({summary.Errors} errors: invalid input or rule errors); its {summary.Findings} findings are partial and not compared");
                return ExitCodes.Success;
            }

            var diff = store.DiffWithPrevious(summary.Run.RunId);
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"run {summary.Run.RunId} ({summary.Run.StartedAt:yyyy-MM-dd HH:mm:ss}Z, factcheck {summary.Run.ToolVersion}{(summary.Run.GitCommit is { } c ? ", commit " + c[..Math.Min(12, c.Length)] : "")})"));
            output.WriteLine($"  {summary.Claims} claims, {summary.Sources} sources, {summary.Rules} rules, {summary.Errors} errors");
            output.WriteLine($"  claims by status: {Join(summary.ClaimsByStatus)}");
            output.WriteLine($"  {summary.Findings} findings: {Join(summary.FindingsBySeverity)}");
            output.WriteLine(summary.PreviousRunId is { } previous
                ? $"  since run {previous}: {diff.New.Count} new, {diff.Fixed.Count} fixed, {diff.Unchanged.Count} unchanged"
                : "  first run: every finding is new");
            Section(output, "new", diff.New);
            Section(output, "fixed", diff.Fixed);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}"));

    private static void Section(TextWriter output, string title, IReadOnlyList<ReportedFinding> findings)
    {
        if (findings.Count == 0) return;
        output.WriteLine($"{title}:");
        foreach (var f in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal))
        {
            output.WriteLine($"  {f.File}:{f.Line}:{f.Column} {f.Severity} {f.RuleId} {f.Message}");
        }
    }
}
