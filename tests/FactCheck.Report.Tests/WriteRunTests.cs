namespace FactCheck.Report.Tests;

public sealed class WriteRunTests
{
    [Fact]
    public void RunIsRecordedWithEveryTable()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var runId = store.WriteRun(SampleRuns.Basic());

        Assert.Equal(1, runId);
        Assert.Equal(runId, store.LatestRunId);
        var run = store.GetRun(runId);
        Assert.Equal(SampleRuns.Start, run.StartedAt);
        Assert.Equal(SampleRuns.Start.AddSeconds(2), run.FinishedAt);
        Assert.Equal(("0.1.0", "abc123"), (run.ToolVersion, run.GitCommit));
        Assert.Equal(64, run.ClaimsDigest.Length);
        Assert.Equal(64, run.RulesDigest.Length);

        var summary = store.GetRunSummary();
        Assert.Equal((2, 3, 3, 3, 1), (summary.Sources, summary.Claims, summary.Rules, summary.Findings, summary.Errors));
        Assert.Equal(new Dictionary<string, int> { ["error"] = 1, ["info"] = 1, ["warning"] = 1 }, summary.FindingsBySeverity.ToDictionary());
        Assert.Equal(new Dictionary<string, int> { ["in-review"] = 1, ["true"] = 1, ["unreviewed"] = 1 }, summary.ClaimsByStatus.ToDictionary());
        Assert.Null(summary.PreviousRunId);
        Assert.Equal((3, 0, 0), (summary.NewFindings, summary.FixedFindings, summary.UnchangedFindings));

        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM appearances WHERE run_id = 1"));
        Assert.Equal(1, DbProbe.Long(path, "SELECT count(*) FROM citations WHERE source_id IS NULL"));
        Assert.Equal(2, DbProbe.Long(path, "SELECT count(*) FROM finding_sources"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM finding_claims"));
        Assert.Equal("rule-error", DbProbe.Scalar(path, "SELECT kind FROM run_errors"));
    }

    [Fact]
    public void SameInputGivesSameDigests()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var one = store.GetRun(store.WriteRun(SampleRuns.Basic()));
        var two = store.GetRun(store.WriteRun(SampleRuns.Basic() with { Claims = SampleRuns.Basic().Claims.Reverse().ToList() }));
        var three = store.GetRun(store.WriteRun(SampleRuns.Basic() with { Claims = [.. SampleRuns.Basic().Claims.Skip(1)] }));
        Assert.Equal(one.ClaimsDigest, two.ClaimsDigest);
        Assert.NotEqual(one.ClaimsDigest, three.ClaimsDigest);
        Assert.Equal(one.RulesDigest, three.RulesDigest);
    }

    [Fact]
    public void ComputedRunDigestsAreDigestsOfTheClaimsAndRulesInIdOrder()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var run = store.GetRun(store.WriteRun(SampleRuns.Basic() with { Claims = SampleRuns.Basic().Claims.Reverse().ToList() }));
        string Claim(string id) => ContentDigest.ForClaim($"Statement of {id}.", "Vladimir Putin");
        Assert.Equal(
            ContentDigest.Compute("claims/1", "a", Claim("a"), "unreviewed", "b", Claim("b"), "in-review", "c", Claim("c"), "true"),
            run.ClaimsDigest);
        Assert.Equal(
            ContentDigest.Compute("rules/1", "attribution.unattributed", "Claims need a claimant", "warning", "quotes.drift", "Quotes must match the source", "error", "review.stale", "Reviews go stale", "info"),
            run.RulesDigest);
    }

    [Fact]
    public void ClaimGetsANewVersionOnlyWhenContentOrStatusChanges()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a"), SampleRuns.Claim("b"), SampleRuns.Claim("c")], []));
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a", line: 99), SampleRuns.Claim("b", "true"), SampleRuns.Claim("c", statement: "Reworded.")], []));
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a", line: 99), SampleRuns.Claim("b", "true")], []));
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a"), SampleRuns.Claim("b", "unreviewed"), SampleRuns.Claim("c", statement: "Reworded.")], []));

        Assert.Equal([(1, 1L, (long?)4L)], store.GetClaimHistory("a").Select(v => (v.Version, v.FirstRunId, v.LastRunId)));
        Assert.Equal(
            [(1, "unreviewed", 1L, (long?)1L), (2, "true", 2L, (long?)3L), (3, "unreviewed", 4L, (long?)4L)],
            store.GetClaimHistory("b").Select(v => (v.Version, v.Status, v.FirstRunId, v.LastRunId)));
        Assert.Equal([("Statement of c.", (long?)1L), ("Reworded.", (long?)4L)], store.GetClaimHistory("c").Select(v => (v.Statement, v.LastRunId)));
        Assert.Empty(store.GetClaimHistory("never-seen"));

        // Positions are per run, content per version: 'a' moved and came back without a new version.
        Assert.Equal(["10", "99", "99", "10"], DbProbe.Strings(path, "SELECT line FROM claims WHERE claim_id = 'a' ORDER BY run_id"));
        Assert.Equal(6, DbProbe.Long(path, "SELECT count(*) FROM claim_versions"));
    }

    [Fact]
    public void InvalidRunDataIsRefusedBeforeAnythingIsWritten()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var duplicate = Assert.Throws<ReportException>(() => store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a"), SampleRuns.Claim("a")], [])));
        Assert.Contains("claim id 'a' appears twice", duplicate.Message, StringComparison.Ordinal);
        var attribution = Assert.Throws<ReportException>(() => store.WriteRun(SampleRuns.Basic() with
        {
            Appearances = [new ReportAppearance("a", "euronews", "hearsay", null, null, null, null)],
        }));
        Assert.Contains("'hearsay'", attribution.Message, StringComparison.Ordinal);
        Assert.Throws<ReportException>(() => store.WriteRun(SampleRuns.Basic() with { FinishedAt = SampleRuns.Start.AddDays(-1) }));
        Assert.Null(store.LatestRunId);
    }

    [Fact]
    public void UnknownRunsGetClearErrors()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var empty = Assert.Throws<ReportException>(() => store.GetRunSummary());
        Assert.Contains("holds no run yet", empty.Message, StringComparison.Ordinal);
        store.WriteRun(SampleRuns.Basic());
        var missing = Assert.Throws<ReportException>(() => store.Diff(1, 7));
        Assert.Contains("Run 7 is not in", missing.Message, StringComparison.Ordinal);
        Assert.Contains("runs 1 to 1", missing.Message, StringComparison.Ordinal);
    }
}
