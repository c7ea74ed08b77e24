namespace FactCheck.Report.Tests;

/// <summary>A schema-version-2 report (checked-in fixture and helper) opens read-only as is, and upgrades in place.</summary>
public sealed class V2UpgradeTests
{
    [Fact]
    public void V2ReportMadeByHelperIsUpgradedInPlaceKeepingItsHistory()
    {
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        V2Report.Create(path);
        AssertUpgradesV2(path);
    }

    [Fact]
    public void CheckedInV2FixtureIsUpgradedInPlace()
    {
        using var dir = new TempDirectory();
        var path = dir.File("fixture.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "report-v2.db"), path);
        Assert.Equal(2, DbProbe.Long(path, "PRAGMA user_version"));
        AssertUpgradesV2(path);
    }

    [Fact]
    public void V2ReportCanBeReadWithoutUpgrading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("fixture.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "report-v2.db"), path);
        var before = File.ReadAllBytes(path);
        using (var store = ReportStore.OpenReadOnly(path))
        {
            Assert.Equal(2, store.SchemaVersion);
            var summary = store.GetRunSummary();
            Assert.Equal((3L, 3, 2, 1), (summary.Run.RunId, summary.Claims, summary.Findings, summary.Errors));
            Assert.Equal((1, 0, 1), (summary.NewFindings, summary.FixedFindings, summary.UnchangedFindings));
            Assert.Equal(new HashSet<string> { "fp-a", V2Report.DriftOnC }, store.GetFingerprints().ToHashSet());
            Assert.Equal(V2Report.DigestC3, store.GetClaimHistory("c")[^1].Digest);
            Assert.Equal([V2Report.DriftOnC], store.DiffWithPrevious().New.Select(f => f.Fingerprint));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static void AssertUpgradesV2(string path)
    {
        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(ReportStore.CurrentSchemaVersion, store.SchemaVersion);
            Assert.Equal(3, store.LatestRunId);
            Assert.Equal(["dc1", "dc2", V2Report.DigestC3], store.GetClaimHistory("c").Select(v => v.Digest));
            Assert.Equal([(1, 1L, (long?)1L), (2, 2L, (long?)3L)], store.GetClaimHistory("a").Select(v => (v.Version, v.FirstRunId, v.LastRunId)));
            Assert.Equal(new HashSet<string> { "fp-a", V2Report.DriftOnC }, store.GetFingerprints(3).ToHashSet());
            var diff = store.DiffWithPrevious(3);
            Assert.Equal([V2Report.DriftOnC], diff.New.Select(f => f.Fingerprint));
            Assert.Equal(["fp-a"], diff.Unchanged.Select(f => f.Fingerprint));
            Assert.Equal(1, store.GetRunSummary(3).Errors);

            // A run written now: 'c' unchanged (its computed digest matches the migrated one, so no new version),
            // and the drift finding on 'c' matches the migrated fingerprint.
            var run4 = store.WriteRun(SampleRuns.Run(
                [new ReportClaim("c", "claims/story.yaml", 31, 5, "Statement c, reworded twice.", "Putin", "unreviewed")],
                [SampleRuns.Finding("quotes.drift", "c", "euronews", "moved and reworded", line: 31, severity: "error")]));
            Assert.Equal(4, run4);
            Assert.Equal(3, store.GetClaimHistory("c").Count);
            Assert.Equal(4, store.GetClaimHistory("c")[^1].LastRunId);
            var next = store.Diff(3, run4);
            Assert.Equal([V2Report.DriftOnC], next.Unchanged.Select(f => f.Fingerprint));
            Assert.Equal(["fp-a"], next.Fixed.Select(f => f.Fingerprint));
            Assert.Empty(next.New);

            var view = store.QueryReadOnly("SELECT change, fingerprint FROM latest_finding_changes ORDER BY change");
            Assert.Equal([["fixed", "fp-a"], ["unchanged", V2Report.DriftOnC]], view.Rows.Select(r => r.ToArray()));
        }

        Assert.Equal(ReportStore.CurrentSchemaVersion, DbProbe.Long(path, "PRAGMA user_version"));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));

        // Version 3 storage: FactCheck's hex fingerprints and digests became bytes, other values stayed text.
        Assert.Equal(["4 text", "5 blob", "6 blob"], DbProbe.Strings(path, "SELECT finding_id || ' ' || typeof(fingerprint) FROM findings WHERE run_id >= 3 ORDER BY finding_id"));
        Assert.Equal(["text", "text", "blob"], DbProbe.Strings(path, "SELECT typeof(digest) FROM claim_versions WHERE claim_id = 'c' ORDER BY version"));
        // Version 5: findings is a view over the runs' links and the shared contents, which need no index of their own.
        Assert.Equal("view", DbProbe.Scalar(path, "SELECT type FROM sqlite_schema WHERE name = 'findings'"));
        Assert.Empty(DbProbe.Strings(path, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('finding_contents', 'run_findings')"));
        Assert.Equal(0, DbProbe.Long(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'appearances_by_run_source'"));
    }
}
