using FactCheck.Report.Internal;

namespace FactCheck.Report.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void NewReportGetsCurrentSchemaWalAndApplicationId()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (ReportStore.Open(path))
        {
        }

        Assert.Equal(ReportStore.CurrentSchemaVersion, DbProbe.Long(path, "PRAGMA user_version"));
        Assert.Equal(Migrations.ApplicationId, DbProbe.Long(path, "PRAGMA application_id"));
        Assert.Equal("wal", DbProbe.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(ReportStore.PageSize, DbProbe.Long(path, "PRAGMA page_size"));
        var objects = DbProbe.Strings(path, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name");
        foreach (var name in new[]
        {
            "runs", "sources", "claim_versions", "run_claims", "claims", "appearances", "citations", "rules", "findings",
            "finding_claims", "finding_sources", "run_errors", "latest_findings", "finding_changes", "latest_finding_changes",
            "claims_by_status", "claim_history", "source_attribution", "latest_claims",
        })
        {
            Assert.Contains(name, objects);
        }
    }

    /// <summary>A new report's first run goes through a rollback journal (its pages are all new); the report is in WAL mode once it is committed.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ANewReportIsInWalModeOnceItsFirstRunIsCommitted(bool pending)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        Assert.Equal("delete", DbProbe.Scalar(path, "PRAGMA journal_mode"));
        if (pending)
        {
            using var run = store.BeginRun(SampleRuns.Basic());
            run.Complete(SampleRuns.Basic());
        }
        else
        {
            store.WriteRun(SampleRuns.Basic());
        }

        Assert.Equal("wal", DbProbe.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(1, DbProbe.Long(path, "SELECT count(*) FROM runs"));
        Assert.False(File.Exists(path + "-journal"));

        // The next runs, and the runs of later stores, go through the WAL as before.
        Assert.Equal(2, store.WriteRun(SampleRuns.Basic()));
        Assert.True(File.Exists(path + "-wal"));
    }

    [Fact]
    public void KeyColumnsOfEveryWithoutRowidTableComeFirst()
    {
        // SQLite before 3.41 (e.g. the sqlite3 of Debian 12) reports false "NULL value in …" errors from
        // PRAGMA integrity_check when a WITHOUT ROWID table declares a non-key column before a key column.
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (ReportStore.Open(path))
        {
        }

        var tables = DbProbe.Strings(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name");
        Assert.Contains("snapshot_appearances", tables);
        foreach (var table in tables)
        {
            var late = DbProbe.Long(path, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE pk > 0 AND cid >= (SELECT count(*) FROM pragma_table_info('{table}') WHERE pk > 0)");
            Assert.True(late == 0, $"{table} declares a key column after a non-key column");
        }
    }

    [Fact]
    public void EmptyFileBecomesAReport()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        File.WriteAllBytes(path, []);
        using var store = ReportStore.Open(path);
        Assert.Null(store.LatestRunId);
        Assert.Equal(1, store.WriteRun(SampleRuns.Basic()));
    }

    [Fact]
    public void MigrationStepsAreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
        Assert.Equal(Migrations.CurrentVersion, ReportStore.CurrentSchemaVersion);
    }

    [Fact]
    public void V1ReportMadeByHelperIsUpgradedInPlaceKeepingItsHistory()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        V1Report.Create(path);
        AssertUpgradesV1(path);
    }

    [Fact]
    public void CheckedInV1FixtureIsUpgradedInPlace()
    {
        using var dir = new TempDirectory();
        var path = dir.File("fixture.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "report-v1.db"), path);
        Assert.Equal(1, DbProbe.Long(path, "PRAGMA user_version"));
        AssertUpgradesV1(path);
    }

    [Fact]
    public void V1ReportCanBeReadWithoutUpgrading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        V1Report.Create(path);
        var before = File.ReadAllBytes(path);
        using (var store = ReportStore.OpenReadOnly(path))
        {
            Assert.Equal(1, store.SchemaVersion);
            var summary = store.GetRunSummary();
            Assert.Equal(2, summary.Run.RunId);
            Assert.Equal(3, summary.Claims);
            Assert.Equal((1, 1, 1), (summary.UnchangedFindings, summary.FixedFindings, summary.Findings));
            Assert.Equal(["fp-a"], store.GetFingerprints());
            Assert.Throws<ReportException>(() => store.GetClaimHistory("a"));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static void AssertUpgradesV1(string path)
    {
        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(ReportStore.CurrentSchemaVersion, store.SchemaVersion);
            Assert.Equal(2, store.LatestRunId);

            // 'a' changed status, 'c' changed content: two versions each; 'b' only moved: one version.
            var a = store.GetClaimHistory("a");
            Assert.Equal([("unreviewed", 1L, (long?)1L), ("true", 2L, (long?)2L)], a.Select(v => (v.Status, v.FirstRunId, v.LastRunId)));
            Assert.Single(store.GetClaimHistory("b"));
            Assert.Equal(["Statement c.", "Statement c, reworded."], store.GetClaimHistory("c").Select(v => v.Statement));

            var moved = store.QueryReadOnly("SELECT line, version FROM claims WHERE claim_id = 'b' ORDER BY run_id");
            Assert.Equal([[20L, 1L], [25L, 1L]], moved.Rows.Select(r => r.ToArray()));

            var diff = store.DiffWithPrevious();
            Assert.Equal(["fp-a"], diff.Unchanged.Select(f => f.Fingerprint));
            Assert.Equal(["fp-b"], diff.Fixed.Select(f => f.Fingerprint));

            // The upgraded report takes new runs, and the claim history continues from the migrated versions.
            var run3 = store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a", "true", statement: "Statement a.") with { Claimant = "Putin", Digest = "da" }], []));
            Assert.Equal(3, run3);
            Assert.Equal(2, store.GetClaimHistory("a").Count);
            Assert.Equal(3, store.GetClaimHistory("a")[^1].LastRunId);
        }

        Assert.Equal(ReportStore.CurrentSchemaVersion, DbProbe.Long(path, "PRAGMA user_version"));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
    }
}
