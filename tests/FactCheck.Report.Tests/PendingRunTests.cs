namespace FactCheck.Report.Tests;

/// <summary>A run recorded in two parts (<see cref="ReportStore.BeginRun"/>, then <see cref="PendingRun.Complete"/>).</summary>
public sealed class PendingRunTests
{
    /// <summary>Every table and view of the report, row by row, as text (the run's id and times included).</summary>
    private static readonly string[] Dump =
    [
        "SELECT * FROM runs ORDER BY run_id",
        "SELECT * FROM sources ORDER BY run_id, source_id",
        "SELECT * FROM claims ORDER BY run_id, claim_id",
        "SELECT * FROM claim_versions ORDER BY version_id",
        "SELECT * FROM appearances ORDER BY run_id, source_id, claim_id, seq",
        "SELECT * FROM citations ORDER BY run_id, claim_id, cited_as",
        "SELECT * FROM rules ORDER BY run_id, rule_id",
        "SELECT * FROM findings ORDER BY finding_id",
        "SELECT * FROM finding_claims ORDER BY finding_id, claim_id",
        "SELECT * FROM finding_sources ORDER BY finding_id, source_id",
        "SELECT * FROM run_errors ORDER BY run_id, message",
    ];

    [Fact]
    public void CompletedRunIsTheSameAsOneWrittenAtOnce()
    {
        using var dir = new TempDirectory();
        var atOnce = dir.File("at-once.db");
        var inParts = dir.File("in-parts.db");
        var first = SampleRuns.Basic();
        var second = Program.LargeRun(500) with { Appearances = SampleRuns.Basic().Appearances, Citations = SampleRuns.Basic().Citations };
        using (var store = ReportStore.Open(atOnce))
        {
            store.WriteRun(first);
            store.WriteRun(second);
        }

        using (var store = ReportStore.Open(inParts))
        {
            foreach (var run in new[] { first, second })
            {
                using var pending = store.BeginRun(run);
                // The results come without the inputs, as a check passes them.
                pending.Complete(run with { Sources = [], Claims = [], Appearances = [], Citations = [] });
            }

            Assert.Equal(2, store.LatestRunId);
        }

        foreach (var query in Dump)
        {
            Assert.Equal(Rows(atOnce, query), Rows(inParts, query));
        }
    }

    [Fact]
    public void DisposedWithoutCompletingLeavesNoTraceAndTheStoreGoesOn()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(SampleRuns.Basic());
        using (store.BeginRun(Program.LargeRun(1_000)))
        {
            // The rules of the run would throw here.
        }

        Assert.Equal(1, DbProbe.Long(path, "SELECT count(*) FROM runs"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM run_claims"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM claim_versions"));
        Assert.Equal(2, store.WriteRun(SampleRuns.Basic()));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
    }

    [Fact]
    public void StoreRefusesOtherWorkWhileARunIsPending()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        using var pending = store.BeginRun(SampleRuns.Basic());
        Assert.Throws<InvalidOperationException>(() => store.WriteRun(SampleRuns.Basic()));
        Assert.Throws<InvalidOperationException>(() => store.BeginRun(SampleRuns.Basic()));
        Assert.Throws<InvalidOperationException>(() => store.GetRuns());
        Assert.Equal(1, pending.Complete(SampleRuns.Basic()));
        Assert.Throws<InvalidOperationException>(() => pending.Complete(SampleRuns.Basic()));
        Assert.Single(store.GetRuns());
    }

    [Fact]
    public void InvalidInputsAreReportedByCompleteAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var twice = SampleRuns.Run([SampleRuns.Claim("a"), SampleRuns.Claim("a")], []);
        using (var pending = store.BeginRun(twice))
        {
            var error = Assert.Throws<ReportException>(() => pending.Complete(twice));
            Assert.Contains("claim id 'a' appears twice", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, DbProbe.Long(path, "SELECT count(*) FROM runs"));
        Assert.Equal(0, DbProbe.Long(path, "SELECT count(*) FROM sources"));
        Assert.Equal(1, store.WriteRun(SampleRuns.Basic()));
    }

    [Fact]
    public void InvalidResultsRollTheInputsBack()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        using (var pending = store.BeginRun(SampleRuns.Basic()))
        {
            var error = Assert.Throws<ReportException>(() => pending.Complete(SampleRuns.Basic() with { ToolVersion = " " }));
            Assert.Contains("the tool version is empty", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, DbProbe.Long(path, "SELECT count(*) FROM run_claims"));
        Assert.Equal(0, DbProbe.Long(path, "SELECT count(*) FROM sources"));
        Assert.Equal(1, store.WriteRun(SampleRuns.Basic()));
    }

    [Fact]
    public async Task AnotherWriterWaitsForThePendingRun()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var first = ReportStore.Open(path);
        using var second = ReportStore.Open(path);
        using var written = new ManualResetEventSlim();
        first.StageCompleted = stage =>
        {
            if (stage == "claims") written.Set();
        };
        using var pending = first.BeginRun(SampleRuns.Basic());
        written.Wait();
        var other = Task.Run(() => second.WriteRun(SampleRuns.Basic() with { ToolVersion = "other" }));
        await Task.Delay(200);
        Assert.False(other.IsCompleted, "the second writer should wait for the write lock");
        Assert.Equal(1, pending.Complete(SampleRuns.Basic()));
        Assert.Equal(2, await other);
    }

    [Fact]
    public void RunIsWrittenWithASmallPageCacheAndTheConnectionGetsItsOwnBack()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var sizes = new List<long>();
        store.StageCompleted = stage =>
        {
            if (stage is "appearances" or "findings") sizes.Add(CacheSize(store));
        };
        Assert.Equal(-65536, CacheSize(store));
        using (var pending = store.BeginRun(SampleRuns.Basic()))
        {
            pending.Complete(SampleRuns.Basic());
        }

        Assert.Equal([-8192, -8192], sizes);
        Assert.Equal(-65536, CacheSize(store));

        // Abandoned, and written at once, likewise.
        using (store.BeginRun(SampleRuns.Basic()))
        {
        }

        Assert.Equal(-65536, CacheSize(store));
        store.WriteRun(SampleRuns.Basic());
        Assert.Equal(-65536, CacheSize(store));

        // A cache set smaller (as the interrupted-run child sets it, to make the transaction spill) is left as it is.
        SetCacheSize(store, 16);
        sizes.Clear();
        store.WriteRun(SampleRuns.Basic());
        Assert.Equal([16, 16], sizes);
        Assert.Equal(16, CacheSize(store));
    }

    private static long CacheSize(ReportStore store)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void SetCacheSize(ReportStore store, int size)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = {size}";
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(string path, string query)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
