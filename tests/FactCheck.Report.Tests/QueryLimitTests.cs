namespace FactCheck.Report.Tests;

/// <summary>Queries are bounded in time, rows and size, and what they may not do is refused before it starts.</summary>
public sealed class QueryLimitTests
{
    [Fact]
    public void A_query_that_never_ends_is_stopped_at_the_time_limit()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
            new QueryLimits(TimeSpan.FromMilliseconds(300))));

        Assert.Contains("ran longer than 0.3 s, the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_past_the_limit_are_cut_and_said_to_be()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var result = store.QueryReadOnly(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n",
            QueryLimits.Default with { MaxRows = 1_000 });

        Assert.Equal(1_000, result.Rows.Count);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void A_huge_value_is_an_error_not_a_crash()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly("SELECT randomblob(1e9)"));

        Assert.Contains("larger than 16 MiB, the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_past_the_limit_cut_the_result()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var result = store.QueryReadOnly(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 100) SELECT randomblob(1000000) FROM n",
            QueryLimits.Default with { MaxBytes = 10_000_000 });

        Assert.True(result.Truncated);
        Assert.InRange(result.Rows.Count, 10, 12);
    }

    [Fact]
    public void Vacuum_into_is_refused_without_creating_the_file()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);
        var copy = dir.File("copy.db");

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly($"VACUUM INTO '{copy}'"));

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public void Attach_is_refused_as_such()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly($"ATTACH '{dir.File("missing.db")}' AS other"));

        Assert.Contains("ATTACH and DETACH are refused", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("missing.db")));
    }

    [Fact]
    public void A_pragma_that_sets_something_is_refused_at_once_and_honestly()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly("PRAGMA journal_mode = DELETE"));

        Assert.Contains("PRAGMA journal_mode = DELETE is refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another process", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Pragmas_that_read_still_work()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        Assert.Equal(ReportStore.CurrentSchemaVersion, Convert.ToInt32(store.QueryReadOnly("PRAGMA user_version").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(store.QueryReadOnly("PRAGMA table_info(findings)").Rows);
    }

    [Fact]
    public void A_second_result_set_is_refused_not_dropped()
    {
        using var dir = new TempDirectory();
        using var store = Report(dir);

        var error = Assert.Throws<ReportException>(() => store.QueryReadOnly("SELECT 1; SELECT 2"));

        Assert.Contains("more than one statement", error.Message, StringComparison.Ordinal);
    }

    private static ReportStore Report(TempDirectory dir)
    {
        var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic());
        return store;
    }
}
