namespace FactCheck.Report.Tests;

public sealed class DiffTests
{
    private static (ReportStore Store, long First, long Second) TwoRuns(TempDirectory dir)
    {
        var store = ReportStore.Open(dir.File("report.db"));
        var claims = new[] { SampleRuns.Claim("a"), SampleRuns.Claim("b"), SampleRuns.Claim("c") };
        var first = store.WriteRun(SampleRuns.Run(claims,
        [
            SampleRuns.Finding("attribution.unattributed", "a", "euronews"),
            SampleRuns.Finding("quotes.drift", "b", "euronews"),
            SampleRuns.Finding("review.stale", "c"),
        ]));
        var second = store.WriteRun(SampleRuns.Run(claims,
        [
            SampleRuns.Finding("attribution.unattributed", "a", "euronews", "reworded message", line: 50),
            SampleRuns.Finding("quotes.drift", "c", "euronews"),
            SampleRuns.Finding("review.stale", "c"),
            SampleRuns.Finding("review.stale", "b"),
        ]));
        return (store, first, second);
    }

    [Fact]
    public void DiffSplitsFindingsIntoNewFixedAndUnchanged()
    {
        using var dir = new TempDirectory();
        var (store, first, second) = TwoRuns(dir);
        using (store)
        {
            var diff = store.Diff(first, second);
            Assert.Equal((first, second), (diff.BaseRunId, diff.HeadRunId));
            Assert.Equal(["quotes.drift on c", "review.stale on b"], diff.New.Select(f => f.Message));
            Assert.Equal(["quotes.drift on b"], diff.Fixed.Select(f => f.Message));
            Assert.All(diff.Fixed, f => Assert.Equal(first, f.RunId));
            Assert.Equal(["reworded message", "review.stale on c"], diff.Unchanged.Select(f => f.Message));
            Assert.All(diff.Unchanged, f => Assert.Equal(second, f.RunId));

            Assert.Equal(diff, store.DiffWithPrevious(), DiffComparer.Instance);
            var summary = store.GetRunSummary(second);
            Assert.Equal(first, summary.PreviousRunId);
            Assert.Equal((2, 1, 2), (summary.NewFindings, summary.FixedFindings, summary.UnchangedFindings));

            var reversed = store.Diff(second, first);
            Assert.Equal(["quotes.drift on b"], reversed.New.Select(f => f.Message));
            Assert.Equal(2, reversed.Fixed.Count);
        }
    }

    [Fact]
    public void FirstRunHasOnlyNewFindings()
    {
        using var dir = new TempDirectory();
        var (store, first, _) = TwoRuns(dir);
        using (store)
        {
            var diff = store.DiffWithPrevious(first);
            Assert.Null(diff.BaseRunId);
            Assert.Equal(3, diff.New.Count);
            Assert.Empty(diff.Fixed);
            Assert.Empty(diff.Unchanged);
        }
    }

    [Fact]
    public void FindingChangesViewAgreesWithDiff()
    {
        using var dir = new TempDirectory();
        var (store, _, second) = TwoRuns(dir);
        using (store)
        {
            var view = store.QueryReadOnly("SELECT change, message FROM latest_finding_changes ORDER BY change, message");
            Assert.Equal(
                [["fixed", "quotes.drift on b"], ["new", "quotes.drift on c"], ["new", "review.stale on b"], ["unchanged", "review.stale on c"], ["unchanged", "reworded message"]],
                view.Rows.Select(r => r.ToArray()));
            var firstRun = store.QueryReadOnly("SELECT count(*) FROM finding_changes WHERE run_id = 1 AND change = 'new'");
            Assert.Equal(3L, firstRun.Rows[0][0]);
            Assert.Equal(second, store.QueryReadOnly("SELECT run_id FROM latest_run").Rows[0][0]);
        }
    }

    [Fact]
    public void BaselineFromAnotherReportFileGivesNewFindingsOfAPullRequest()
    {
        using var dir = new TempDirectory();
        var (store, first, second) = TwoRuns(dir);
        store.Dispose();

        var mainPath = dir.File("main.db");
        using (var main = ReportStore.Open(mainPath))
        {
            main.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [SampleRuns.Finding("attribution.unattributed", "a", "euronews", "as on main", line: 3)]));
        }

        var baseline = ReportStore.ReadBaselineFingerprints(mainPath);
        using var pr = ReportStore.OpenReadOnly(dir.File("report.db"));
        var added = pr.GetFindings(second).Where(f => !baseline.Contains(f.Fingerprint)).Select(f => f.Message);
        Assert.Equal(["quotes.drift on c", "review.stale on c", "review.stale on b"], added);
        Assert.Equal(3, ReportStore.ReadBaselineFingerprints(dir.File("report.db"), first).Count);
        Assert.Throws<ReportException>(() => ReportStore.ReadBaselineFingerprints(mainPath, 99));
    }

    private sealed class DiffComparer : IEqualityComparer<RunDiff>
    {
        public static readonly DiffComparer Instance = new();

        public bool Equals(RunDiff? x, RunDiff? y) =>
            x is not null && y is not null && x.BaseRunId == y.BaseRunId && x.HeadRunId == y.HeadRunId &&
            x.New.SequenceEqual(y.New) && x.Fixed.SequenceEqual(y.Fixed) && x.Unchanged.SequenceEqual(y.Unchanged);

        public int GetHashCode(RunDiff obj) => obj.HeadRunId.GetHashCode();
    }
}
