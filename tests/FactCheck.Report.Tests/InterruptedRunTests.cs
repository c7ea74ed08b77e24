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

            // The child holds the write lock with half a run in uncommitted WAL frames; now it dies without a word.
            Assert.True(new FileInfo(path + "-wal").Length > 0, "the open transaction should have spilled into the WAL");
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

        AssertOnlyFirstRun(path);
        using (var store = ReportStore.Open(path))
        {
            Assert.Equal(1, store.LatestRunId);
            Assert.Equal(2, store.WriteRun(SampleRuns.Basic()));
        }

        Assert.Equal("ok", DbProbe.Scalar(path, "PRAGMA integrity_check"));
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
