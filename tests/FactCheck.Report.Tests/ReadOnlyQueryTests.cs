namespace FactCheck.Report.Tests;

public sealed class ReadOnlyQueryTests
{
    [Fact]
    public void QueryReturnsColumnsAndTypedRows()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic());
        var result = store.QueryReadOnly("SELECT rule_id, line, 0.5 AS ratio, NULL AS missing FROM latest_findings ORDER BY rule_id");
        Assert.Equal(["rule_id", "line", "ratio", "missing"], result.Columns);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(["attribution.unattributed", 10L, 0.5, null], result.Rows[0]);
        Assert.False(result.Truncated);

        var limited = store.QueryReadOnly("SELECT * FROM claims", maxRows: 2);
        Assert.Equal(2, limited.Rows.Count);
        Assert.True(limited.Truncated);
    }

    [Theory]
    [InlineData("DELETE FROM finding_contents")]
    [InlineData("INSERT INTO runs (run_id, started_at, finished_at, tool_version, claims_digest, rules_digest) VALUES (9, '', '', '', '', '')")]
    [InlineData("UPDATE claim_versions SET status = 'true'")]
    [InlineData("DROP TABLE run_findings")]
    [InlineData("CREATE TABLE notes (x)")]
    [InlineData("PRAGMA user_version = 99")]
    [InlineData("SELECT 1; DELETE FROM finding_contents")]
    [InlineData("PRAGMA query_only = 0; DELETE FROM finding_contents")]
    [InlineData("VACUUM")]
    public void WritesAreRefusedAndTheReportIsUnchanged(string sql)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (var writer = ReportStore.Open(path))
        {
            writer.WriteRun(SampleRuns.Basic());
        }

        var before = File.ReadAllBytes(path);
        using (var store = ReportStore.OpenReadOnly(path))
        {
            var error = Assert.Throws<ReportException>(() => store.QueryReadOnly(sql));
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, store.GetRunSummary().Findings);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(ReportStore.CurrentSchemaVersion, DbProbe.Long(path, "PRAGMA user_version"));
    }

    [Fact]
    public void AttachingAnotherFileToWriteThereIsRefused()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var other = dir.File("other.db");
        Assert.Throws<ReportException>(() => store.QueryReadOnly($"ATTACH '{other}' AS other; CREATE TABLE other.stolen AS SELECT * FROM runs"));
        Assert.False(File.Exists(other));
    }

    [Fact]
    public void QueryOnAWritableStoreIsStillReadOnly()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic());
        Assert.Throws<ReportException>(() => store.QueryReadOnly("DELETE FROM findings"));
        Assert.Equal(3, store.GetRunSummary().Findings);
    }

    [Fact]
    public void ReadOnlyStoreRefusesToRecordARun()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (var writer = ReportStore.Open(path))
        {
            writer.WriteRun(SampleRuns.Basic());
        }

        using var store = ReportStore.OpenReadOnly(path);
        var error = Assert.Throws<ReportException>(() => store.WriteRun(SampleRuns.Basic()));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELEKT * FROM findings", "syntax error")]
    [InlineData("SELECT * FROM no_such_table", "no such table")]
    [InlineData("   ", "empty")]
    public void BadQueriesGetClearErrors(string sql, string expected)
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly(sql));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
