using System.Diagnostics;

namespace FactCheck.Report.Tests;

/// <summary>A run that stops half way leaves the report exactly as it was.</summary>
public sealed class InterruptedRunTests
{
    [Fact]
    public void ExceptionMidTransactionLeavesNoTrace()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(SampleRuns.Basic());
            store.StageCompleted = stage =>
            {
                if (stage == "findings-half")
                {
                    throw new InvalidOperationException("simulated crash");
                }
            };
            Assert.Throws<InvalidOperationException>(() => store.WriteRun(Program.LargeRun(1_000)));
            store.StageCompleted = null;

            Assert.Equal(1, store.LatestRunId);
            AssertOnlyFirstRun(path);

            // The store stays usable, and ids continue as if the failed run never happened.
            Assert.Equal(2, store.WriteRun(SampleRuns.Basic()));
        }
    }

    /// <param name="mode">write-and-hang: killed half way through the findings; begin-and-hang: killed after a
    /// <see cref="PendingRun"/> wrote the claims, while its caller would still be running the rules.</param>
    [Theory]
    [InlineData("write-and-hang")]
    [InlineData("begin-and-hang")]
    public void KilledWriterProcessLeavesNoTrace(string mode)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(SampleRuns.Basic());
        }

        KillMidWrite(mode, path, journal: "-wal");
        AssertOnlyFirstRun(path);
        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(1, store.LatestRunId);
            Assert.Equal(2, store.WriteRun(SampleRuns.Basic()));
        }

        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
    }

    /// <summary>
    /// The first run of a report the process created goes through a rollback journal, not the WAL: killed half way, the
    /// next open rolls it back to the empty report it was, which then records runs and is in WAL mode again.
    /// </summary>
    [Theory]
    [InlineData("write-and-hang")]
    [InlineData("begin-and-hang")]
    [InlineData("begin-and-hang-later")]
    public void KilledFirstRunOfANewReportLeavesAnEmptyReport(string mode)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        KillMidWrite(mode, path, journal: "-journal");
        Assert.False(File.Exists(path + "-wal"), "the first run of a new report should not go through the WAL");

        // Read-only, before anything rolled the journal back: an empty report, not an error.
        using (var reader = ReportStore.OpenReadOnly(path))
        {
            Assert.Null(reader.LatestRunIdIncludingFailed);
        }

        using (var store = ReportStore.Open(path))
        {
            Assert.Null(store.LatestRunIdIncludingFailed);
            Assert.Equal(1, store.WriteRun(SampleRuns.Basic()));
        }

        AssertOnlyFirstRun(path);
        Assert.Equal("wal", DbProbe.Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
        Assert.False(File.Exists(path + "-journal"));
    }

    /// <summary>Starts a child that writes a run to <paramref name="path"/> and kills it half way, once its open transaction has spilled to <paramref name="journal"/>.</summary>
    private static void KillMidWrite(string mode, string path, string journal)
    {
        var testAssembly = typeof(InterruptedRunTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", testAssembly, mode, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        try
        {
            var line = child.StandardOutput.ReadLine();
            if (line != "mid-write")
            {
                child.WaitForExit();
                Assert.Fail($"the child did not reach the middle of its write: {line} {child.StandardError.ReadToEnd()}");
            }

            // The child holds the write lock with half a run in uncommitted WAL frames (or, for a new report, in the file
            // with the pages it had in the rollback journal); now it dies without a word.
            Assert.True(new FileInfo(path + journal).Length > 0, $"the open transaction should have spilled, with {journal} beside the report");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    private static void AssertOnlyFirstRun(string path)
    {
        Assert.Equal(1, DbProbe.Long(path, "SELECT count(*) FROM runs"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM findings"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM finding_claims"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM run_claims"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM claim_versions"));
        Assert.Equal(2, DbProbe.Long(path, "SELECT count(*) FROM sources"));
    }
}
