using System.Globalization;
using System.Text;

namespace FactCheck.Report.Tests;

/// <summary>
/// Fixtures/report-v4.db was written by `factcheck check` of schema version 4 (main 2619786) on this repository's claims:
/// run 1, run 2 (a review status changed), run 3 failed (a claims file broken), run 4 (a statement changed), run 5 (no
/// change); then shrunk to 1 KB pages with VACUUM. Upgraded to the current version, every documented table and view, and
/// every library read, answers as it did before.
/// </summary>
public sealed class V4UpgradeTests
{
    private static readonly string[] Queries =
    [
        "SELECT * FROM runs ORDER BY run_id",
        "SELECT * FROM sources ORDER BY run_id, source_id",
        "SELECT * FROM claim_versions ORDER BY version_id",
        "SELECT * FROM run_claims ORDER BY run_id, claim_id",
        "SELECT * FROM appearances ORDER BY run_id, source_id, claim_id, seq",
        "SELECT * FROM citations ORDER BY run_id, claim_id, source_id, cited_as, line",
        "SELECT * FROM rules ORDER BY run_id, rule_id",
        "SELECT * FROM findings ORDER BY run_id, finding_id",
        "SELECT * FROM finding_claims ORDER BY finding_id, claim_id",
        "SELECT * FROM finding_sources ORDER BY finding_id, source_id",
        "SELECT * FROM run_errors ORDER BY run_id, message",
        "SELECT * FROM claims ORDER BY run_id, claim_id",
        "SELECT * FROM latest_run",
        "SELECT * FROM latest_claims ORDER BY claim_id",
        "SELECT * FROM latest_findings ORDER BY finding_id",
        "SELECT * FROM run_pairs ORDER BY run_id",
        "SELECT * FROM finding_changes ORDER BY run_id, change, finding_id",
        "SELECT * FROM latest_finding_changes ORDER BY change, finding_id",
        "SELECT * FROM claims_by_status ORDER BY status",
        "SELECT * FROM claim_history ORDER BY claim_id, version",
        "SELECT * FROM source_attribution ORDER BY source_id",
    ];

    [Fact]
    public void CheckedInV4ReportAnswersTheSameAfterTheUpgrade()
    {
        using var dir = new TempDirectory();
        var path = dir.File("fixture.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "report-v4.db"), path);
        Assert.Equal(4, DbProbe.Long(path, "PRAGMA user_version"));

        string before;
        using (var reader = ReportStore.OpenReadOnly(path))
        {
            Assert.Equal(4, reader.SchemaVersion);
            Assert.Equal([false, false, true, false, false], reader.GetRuns().Select(r => r.Failed));
            before = Answers(reader);
        }

        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(ReportStore.CurrentSchemaVersion, store.SchemaVersion);
        }

        Assert.Equal(ReportStore.CurrentSchemaVersion, DbProbe.Long(path, "PRAGMA user_version"));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
        using (var reader = ReportStore.OpenReadOnly(path))
        {
            Assert.Equal(before, Answers(reader));
        }

        // Runs after the upgrade: the migrated findings have no content digest, so run 6 writes its own; run 7 shares run 6's.
        using (var store = ReportStore.Open(path))
        {
            var latest = store.GetFindings(5);
            var again = SampleRuns.Run([], latest.Select(f => new ReportFinding(f.RuleId, f.Severity, f.Message, f.File, f.Line, f.Column, ["c"], [], f.Fingerprint)));
            var six = store.WriteRun(again);
            var seven = store.WriteRun(again);
            Assert.Equal((6L, 7L), (six, seven));
            Assert.Empty(store.GetFindings(six).Select(f => f.FindingId).Intersect(latest.Select(f => f.FindingId)));
            Assert.Equal(store.GetFindings(six).Select(f => f.FindingId), store.GetFindings(seven).Select(f => f.FindingId));
            Assert.Equal(latest.Count, store.DiffWithPrevious(seven).Unchanged.Count);
        }
    }

    /// <summary>Everything a reader can ask of the report, as text.</summary>
    private static string Answers(ReportStore store)
    {
        var text = new StringBuilder();
        foreach (var sql in Queries)
        {
            var result = store.QueryReadOnly(sql);
            text.Append(sql).Append('\n').AppendJoin(',', result.Columns).Append('\n');
            foreach (var row in result.Rows) text.AppendJoin('|', row.Select(Show)).Append('\n');
        }

        foreach (var run in store.GetRuns())
        {
            text.Append(run).Append('\n');
            text.AppendJoin('\n', store.GetFindings(run.RunId)).Append('\n');
            if (run.Failed) continue;
            var summary = store.GetRunSummary(run.RunId);
            text.Append(summary with { FindingsBySeverity = null!, ClaimsByStatus = null! })
                .AppendJoin(',', summary.FindingsBySeverity.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                .AppendJoin(',', summary.ClaimsByStatus.OrderBy(kv => kv.Key, StringComparer.Ordinal)).Append('\n');
            var diff = store.DiffWithPrevious(run.RunId);
            text.Append(CultureInfo.InvariantCulture, $"diff {diff.BaseRunId} {diff.HeadRunId}: ")
                .AppendJoin(',', diff.New.Select(f => f.FindingId)).Append(';')
                .AppendJoin(',', diff.Fixed.Select(f => f.FindingId)).Append(';')
                .AppendJoin(',', diff.Unchanged.Select(f => f.FindingId)).Append('\n');
            text.AppendJoin(',', store.GetFingerprints(run.RunId).Order(StringComparer.Ordinal)).Append('\n');
        }

        foreach (var claim in store.QueryReadOnly("SELECT DISTINCT claim_id FROM claim_versions ORDER BY claim_id").Rows)
        {
            text.AppendJoin('\n', store.GetClaimHistory((string)claim[0]!)).Append('\n');
        }

        return text.ToString();
    }

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
