namespace FactCheck.Report.Tests;

public sealed class ConcurrentWriterTests
{
    [Fact]
    public void TwoWritersOnTheSameFileBothLand()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var ready = new Barrier(2);

        // Neither store exists before the threads start: creating the schema races too.
        var runIds = new long[2];
        var errors = new Exception?[2];
        var threads = Enumerable.Range(0, 2).Select(writer => new Thread(() =>
        {
            try
            {
                ready.SignalAndWait();
                using var store = ReportStore.Open(path);
                runIds[writer] = store.WriteRun(Program.LargeRun(3_000) with { ToolVersion = $"writer-{writer + 1}" });
            }
            catch (Exception e)
            {
                errors[writer] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal([null, null], errors);
        Assert.Equal([1L, 2L], runIds.Order());
        Assert.Equal(["writer-1", "writer-2"], DbProbe.Strings(path, "SELECT tool_version FROM runs ORDER BY tool_version"));
        Assert.Equal(6_000, DbProbe.Long(path, "SELECT count(*) FROM findings"));
        Assert.Equal(6_000, DbProbe.Long(path, "SELECT count(*) FROM run_claims"));
        Assert.Equal(3_000, DbProbe.Long(path, "SELECT count(*) FROM claim_versions"));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
    }

    [Fact]
    public void ReaderSeesCommittedRunsWhileAWriterWorks()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var writer = ReportStore.Open(path);
        writer.WriteRun(SampleRuns.Basic());
        using var reader = ReportStore.OpenReadOnly(path);
        long? seenMidWrite = null;
        writer.StageCompleted = stage =>
        {
            if (stage == "findings-half")
            {
                seenMidWrite = reader.LatestRunId;
            }
        };
        writer.WriteRun(Program.LargeRun(200));
        Assert.Equal(1, seenMidWrite);
        Assert.Equal(2, reader.LatestRunId);
    }
}
