namespace FactCheck.Report.Tests;

/// <summary>A caller recording run after run with a <see cref="RunMemory"/> gets the report it would get without one.</summary>
public sealed class RunMemoryTests
{
    [Fact]
    public void RunsRecordedWithMemoryGiveTheSameReportAsWithout()
    {
        using var dir = new TempDirectory();
        using var plain = ReportStore.Open(dir.File("plain.db"));
        using var remembering = ReportStore.Open(dir.File("memory.db"));
        var memory = new RunMemory();
        var random = new Random(5);
        var files = new[] { "claims/a.yaml", "claims/b.yaml", "claims/c.yaml" };
        var claims = Enumerable.Range(0, 9).Select(i => new ReportClaim($"c{i}", files[i % 3], i * 10, 5, $"Statement {i}.", "Putin", "unreviewed")).ToArray();
        var findings = claims.Select(c => SampleRuns.Finding("review.stale", c.Id, message: $"stale {c.Id}")).ToArray();
        for (var run = 1; run <= 12; run++)
        {
            // As a session maps them: the same row objects for what did not change, new ones for what did.
            var i = random.Next(claims.Length);
            if (random.Next(3) > 0) claims[i] = claims[i] with { Status = claims[i].Status == "true" ? "false" : "true" };
            if (random.Next(2) > 0) findings[i] = findings[i] with { Message = $"stale {claims[i].Id}, run {run}" };
            var data = SampleRuns.Run(claims, findings) with { StartedAt = SampleRuns.Start.AddMinutes(run), FinishedAt = SampleRuns.Start.AddMinutes(run + 1) };
            if (run == 6) data = data with { Findings = [], Errors = [new ReportRunError(RunErrorKinds.InvalidInput, "broken", null, files[0], 1, 1)] };
            Assert.Equal(plain.WriteRun(data), remembering.WriteRun(data, memory));
            Assert.Equal(Dump(plain), Dump(remembering));
        }

        Assert.Equal(DbProbe.Long(dir.File("plain.db"), "SELECT count(*) FROM finding_contents"), DbProbe.Long(dir.File("memory.db"), "SELECT count(*) FROM finding_contents"));
        Assert.Equal(DbProbe.Long(dir.File("plain.db"), "SELECT count(*) FROM snapshots"), DbProbe.Long(dir.File("memory.db"), "SELECT count(*) FROM snapshots"));
    }

    [Fact]
    public void WhatAnotherWriterRecordedMeanwhileIsReadFromTheReport()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        var memory = new RunMemory();
        var basic = SampleRuns.Basic();
        using var session = ReportStore.Open(path);
        session.WriteRun(basic, memory);

        // Another process records a run with one finding reworded: the memory's run is no longer the latest.
        using (var other = ReportStore.Open(path))
        {
            other.WriteRun(basic with { Findings = [basic.Findings[0] with { Message = "reworded" }, basic.Findings[1], basic.Findings[2]] });
        }

        var third = session.WriteRun(basic with { Findings = [basic.Findings[0] with { Message = "reworded" }, basic.Findings[1], basic.Findings[2]] }, memory);
        Assert.Equal([4L, 2L, 3L], session.GetFindings(third).Select(f => f.FindingId));
        Assert.Equal(4, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
    }

    [Fact]
    public void ARunRolledBackLeavesTheMemoryAsItWas()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        var memory = new RunMemory();
        var basic = SampleRuns.Basic();
        using var store = ReportStore.Open(path);
        store.WriteRun(basic, memory);
        using (var pending = store.BeginRun(basic with { Claims = [SampleRuns.Claim("a", "false")] }, memory))
        {
            // Disposed without Complete: rolled back.
        }

        var second = store.WriteRun(basic, memory);
        Assert.Equal(2, second);
        Assert.Equal([1L, 2L, 3L], store.GetFindings(second).Select(f => f.FindingId));
        Assert.Equal(Expected(store, 1), Expected(store, 2));
        Assert.Equal((long?)2, Assert.Single(store.GetClaimHistory("a")).LastRunId);
    }

    private static string Expected(ReportStore store, long runId) => string.Join('\n', store.QueryReadOnly(
        $"SELECT claim_id, status, version, file, line FROM claims WHERE run_id = {runId} ORDER BY claim_id").Rows.Select(r => string.Join('|', r)));

    private static string Dump(ReportStore store)
    {
        var text = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT * FROM runs ORDER BY run_id",
            "SELECT * FROM findings ORDER BY run_id, finding_id",
            "SELECT * FROM finding_claims ORDER BY finding_id, claim_id",
            "SELECT * FROM claims ORDER BY run_id, claim_id",
            "SELECT * FROM sources ORDER BY run_id, source_id",
            "SELECT * FROM appearances ORDER BY run_id, source_id, claim_id, seq",
            "SELECT * FROM claim_history ORDER BY claim_id, version",
            "SELECT * FROM finding_changes ORDER BY run_id, change, finding_id",
            "SELECT run_id, snapshot_id FROM run_snapshots ORDER BY run_id, snapshot_id",
        })
        {
            foreach (var row in store.QueryReadOnly(sql).Rows) text.AppendJoin('|', row.Select(v => v is byte[] b ? Convert.ToHexString(b) : v?.ToString())).Append('\n');
        }

        return text.ToString();
    }
}
