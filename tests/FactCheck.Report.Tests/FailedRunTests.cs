namespace FactCheck.Report.Tests;

/// <summary>
/// A run where no rule ran (invalid input) or a limit stopped a rule is recorded, as failed: it is not the latest run,
/// not a baseline, and not in a diff, so one broken pull request does not make every finding look fixed, then new.
/// </summary>
public sealed class FailedRunTests
{
    [Fact]
    public void A_run_with_invalid_input_is_recorded_as_failed_and_skipped_by_latest_views_and_diffs()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var complete = store.WriteRun(SampleRuns.Basic());
        var failed = store.WriteRun(Failed(RunErrorKinds.InvalidInput, "unknown key 'claimnat'"));
        var next = store.WriteRun(SampleRuns.Basic());

        Assert.Equal(["complete", "failed", "complete"], DbProbe.Strings(path, "SELECT status FROM runs ORDER BY run_id"));
        Assert.True(store.GetRun(failed).Failed);
        Assert.Equal(complete, store.GetPreviousRunId(next));
        var diff = store.DiffWithPrevious(next);
        Assert.Empty(diff.New);
        Assert.Empty(diff.Fixed);
        Assert.Equal(0L, DbProbe.Long(path, "SELECT count(*) FROM run_pairs WHERE run_id = " + failed + " OR previous_run_id = " + failed));
        Assert.Equal(0L, DbProbe.Long(path, "SELECT count(*) FROM latest_finding_changes WHERE change <> 'unchanged'"));
    }

    [Fact]
    public void The_latest_run_is_the_latest_complete_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var complete = store.WriteRun(SampleRuns.Basic());
        var failed = store.WriteRun(Failed(RunErrorKinds.Limit, "rule 'pairs' was stopped: the run built 2,000,000 partial matches"));

        Assert.Equal(complete, store.LatestRunId);
        Assert.Equal(failed, store.LatestRunIdIncludingFailed);
        Assert.Equal(complete, DbProbe.Long(path, "SELECT run_id FROM latest_run"));
        Assert.Equal(3L, DbProbe.Long(path, "SELECT count(*) FROM latest_findings"));
        Assert.Equal(complete, store.GetRunSummary().Run.RunId);
        Assert.Equal(3, ReportStore.ReadBaselineFingerprints(path).Count);
    }

    [Fact]
    public void A_failed_run_is_refused_as_a_baseline_or_in_a_diff()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        long complete, failed;
        using (var store = ReportStore.Open(path))
        {
            complete = store.WriteRun(SampleRuns.Basic());
            failed = store.WriteRun(Failed(RunErrorKinds.InvalidInput, "unknown key"));
            var diff = Assert.Throws<ReportException>(() => store.Diff(complete, failed));
            Assert.Contains($"Run {failed}", diff.Message, StringComparison.Ordinal);
            Assert.Contains("failed", diff.Message, StringComparison.Ordinal);
        }

        var baseline = Assert.Throws<ReportException>(() => ReportStore.ReadBaselineFingerprints(path, failed));
        Assert.Contains("cannot be a baseline", baseline.Message, StringComparison.Ordinal);
        Assert.Contains($"run {complete}, the latest", baseline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_error_on_some_facts_does_not_fail_the_run()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(SampleRuns.Basic() with { Errors = [new ReportRunError(RunErrorKinds.RuleError, "division by zero", "r", "claims/a.yaml", 1, 1)] });

        Assert.Equal("complete", DbProbe.Scalar(path, "SELECT status FROM runs"));
    }

    [Fact]
    public void Upgrading_a_version_3_report_marks_its_runs_where_no_rule_ran_as_failed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v3.db");
        V3Report.Create(path);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Run 5: invalid input, so no rule ran and it has no finding, as FactCheck 0.3 recorded such a run.
            command.CommandText =
                "INSERT INTO runs VALUES (5, '2026-11-05T09:00:00.000Z', '2026-11-05T09:00:01.000Z', '0.3.0', NULL, 'cd5', 'rd5');" +
                "INSERT INTO run_errors VALUES (5, 'invalid-input', 'unknown key', NULL, 'claims/story.yaml', 4, 3);";
            command.ExecuteNonQuery();
        }

        using var store = ReportStore.Open(path);

        Assert.Equal(["complete", "complete", "complete", "complete", "failed"], DbProbe.Strings(path, "SELECT status FROM runs ORDER BY run_id"));
        Assert.Equal(4, store.LatestRunId);
        Assert.Equal(4L, DbProbe.Long(path, "SELECT run_id FROM latest_run"));
    }

    private static RunData Failed(string kind, string message) =>
        SampleRuns.Run([SampleRuns.Claim("a")], []) with { Errors = [new ReportRunError(kind, message, null, "claims/other.yaml", 4, 3)] };
}
