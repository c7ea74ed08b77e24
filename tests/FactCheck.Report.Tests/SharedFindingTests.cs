namespace FactCheck.Report.Tests;

/// <summary>Schema version 5: a finding the same as in the latest run is shared, the run keeping a link to it.</summary>
public sealed class SharedFindingTests
{
    [Fact]
    public void AnUnchangedRunLinksToTheFindingsOfTheRunBefore()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var first = store.WriteRun(SampleRuns.Basic());
        var second = store.WriteRun(SampleRuns.Basic());

        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
        Assert.Equal(6, DbProbe.Long(path, "SELECT count(*) FROM run_findings"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM finding_claims"));
        Assert.Equal(store.GetFindings(first).Select(f => f with { RunId = second }), store.GetFindings(second));
        Assert.Equal(3, store.DiffWithPrevious(second).Unchanged.Count);
        Assert.Equal(6, DbProbe.Long(path, "SELECT count(*) FROM findings"));
        Assert.Equal(6, DbProbe.Long(path, "SELECT count(*) FROM (SELECT DISTINCT run_id, finding_id FROM findings)"));
    }

    [Theory]
    [InlineData("message")]
    [InlineData("severity")]
    [InlineData("line")]
    [InlineData("claims")]
    [InlineData("sources")]
    public void AFindingThatChangedInAnyPartIsWrittenAgain(string part)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var finding = SampleRuns.Finding("quotes.drift", "a", "euronews", "drift on a") with { Fingerprint = "kept-print" };
        var changed = part switch
        {
            "message" => finding with { Message = "drift on a, reworded" },
            "severity" => finding with { Severity = "error" },
            "line" => finding with { Line = 11 },
            "claims" => finding with { ClaimIds = ["a", "b"] },
            _ => finding with { SourceIds = [] },
        };
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [finding]));
        var second = store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [changed]));

        Assert.Equal(2, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
        var read = Assert.Single(store.GetFindings(second));
        Assert.Equal((changed.Message, changed.Severity, changed.Line, 2L), (read.Message, read.Severity, read.Line, read.FindingId));
        Assert.Equal(changed.ClaimIds, DbProbe.Strings(path, "SELECT claim_id FROM finding_claims WHERE finding_id = 2 ORDER BY claim_id"));
        Assert.Equal(changed.SourceIds, DbProbe.Strings(path, "SELECT source_id FROM finding_sources WHERE finding_id = 2 ORDER BY source_id"));
        // The same fingerprint: unchanged for diffs and baselines.
        Assert.Equal(["unchanged"], store.QueryReadOnly("SELECT change FROM latest_finding_changes").Rows.Select(r => r[0]));
    }

    [Fact]
    public void ClaimAndSourceOrderAndRepeatsDoNotMakeAFindingNew()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var finding = SampleRuns.Finding("quotes.drift", "a", "euronews") with { ClaimIds = ["a", "b"] };
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [finding]));
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [finding with { ClaimIds = ["b", "a", "b"] }]));
        Assert.Equal(1, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
    }

    [Fact]
    public void ARunKeepsTheOrderItsFindingsWereRecordedIn()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var basic = SampleRuns.Basic();
        store.WriteRun(basic);
        var extra = SampleRuns.Finding("review.stale", "a", message: "new one");
        var reordered = basic with { Findings = [basic.Findings[2], extra, basic.Findings[0], basic.Findings[1]] };
        var second = store.WriteRun(reordered);
        Assert.Equal(["review.stale on c", "new one", "attribution.unattributed on a", "quotes.drift on b"], store.GetFindings(second).Select(f => f.Message));
        Assert.Equal([3L, 4L, 1L, 2L], store.GetFindings(second).Select(f => f.FindingId));
    }

    [Fact]
    public void TwoIdenticalFindingsOfOneRunAreTwoRows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var twice = SampleRuns.Run([SampleRuns.Claim("a")], [SampleRuns.Finding("quotes.drift", "a"), SampleRuns.Finding("quotes.drift", "a")]);
        store.WriteRun(twice);
        var second = store.WriteRun(twice);
        Assert.Equal([1L, 2L], store.GetFindings(second).Select(f => f.FindingId));
        Assert.Equal(2, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
        Assert.Equal(2, DbProbe.Long(path, "SELECT count(DISTINCT finding_id) FROM findings WHERE run_id = 2"));
    }

    [Fact]
    public void AFailedRunInBetweenDoesNotMakeEveryFindingNew()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(SampleRuns.Basic());
        var failed = store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], []) with
        {
            Errors = [new ReportRunError(RunErrorKinds.InvalidInput, "claims/story.yaml:3:1: broken", null, "claims/story.yaml", 3, 1)],
        });
        Assert.True(store.GetRun(failed).Failed);
        var third = store.WriteRun(SampleRuns.Basic());
        Assert.Equal([1L, 2L, 3L], store.GetFindings(third).Select(f => f.FindingId));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM finding_contents"));
        Assert.Equal(3, store.DiffWithPrevious(third).Unchanged.Count);
    }

    [Fact]
    public void SharedFindingsAnswerTheViewsAsCopiesDid()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var basic = SampleRuns.Basic();
        store.WriteRun(basic);
        store.WriteRun(basic with { Findings = [basic.Findings[0], basic.Findings[1] with { Message = "reworded" }, SampleRuns.Finding("review.stale", "b")] });

        Assert.Equal(
            [["fixed", "review.stale"], ["new", "review.stale"], ["unchanged", "attribution.unattributed"], ["unchanged", "quotes.drift"]],
            store.QueryReadOnly("SELECT change, rule_id FROM latest_finding_changes ORDER BY change, rule_id").Rows.Select(r => r.ToArray()));
        Assert.Equal(
            ["attribution.unattributed 1", "quotes.drift 4", "review.stale 5"],
            store.QueryReadOnly("SELECT rule_id || ' ' || finding_id FROM latest_findings ORDER BY rule_id").Rows.Select(r => r[0]));
        var summary = store.GetRunSummary();
        Assert.Equal((3, 1, 1, 2), (summary.Findings, summary.NewFindings, summary.FixedFindings, summary.UnchangedFindings));
        Assert.Equal(
            [["euronews", 1L, 1L]],
            store.QueryReadOnly("SELECT source_id, flagged_unattributed, drifting FROM source_attribution WHERE source_id = 'euronews'").Rows.Select(r => r.ToArray()));
    }
}
