namespace FactCheck.Report.Tests;

/// <summary>The checked-in schema-version-3 report (the current schema) opens as it is, and takes new runs.</summary>
public sealed class V3FixtureTests
{
    [Fact]
    public void CheckedInV3FixtureIsReadAndExtended()
    {
        using var dir = new TempDirectory();
        var path = dir.File("fixture.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "report-v3.db"), path);
        Assert.Equal(3, DbProbe.Long(path, "PRAGMA user_version"));

        using (var reader = ReportStore.OpenReadOnly(path))
        {
            var diff = reader.DiffWithPrevious();
            Assert.Equal((3L, 4L), (diff.BaseRunId!.Value, diff.HeadRunId));
            Assert.Equal([V2Report.DriftOnC], diff.Unchanged.Select(f => f.Fingerprint));
            Assert.Equal(["fp-a"], diff.Fixed.Select(f => f.Fingerprint));
            Assert.Equal(["unattributed", "paraphrase"], reader.QueryReadOnly("SELECT attribution FROM appearances WHERE run_id = 4 ORDER BY seq").Rows.Select(r => r[0]));
        }

        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(ReportStore.CurrentSchemaVersion, store.SchemaVersion);
            var run = store.WriteRun(SampleRuns.Run(
                [new ReportClaim("c", "claims/story.yaml", 31, 5, "Statement c, reworded twice.", "Putin", "unreviewed")],
                [SampleRuns.Finding("quotes.drift", "c", "euronews", severity: "error")]));
            Assert.Equal(5, run);
            Assert.Equal([V2Report.DriftOnC], store.DiffWithPrevious().Unchanged.Select(f => f.Fingerprint));
            Assert.Equal(3, store.GetClaimHistory("c").Count);
        }

        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
    }
}
