namespace FactCheck.Report.Tests;

/// <summary>The documented views answer the newsroom's questions.</summary>
public sealed class ViewTests
{
    [Fact]
    public void ClaimsByStatusCountsTheLatestRun()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic());
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a", "true"), SampleRuns.Claim("b", "true"), SampleRuns.Claim("c", "false")], []));
        var rows = store.QueryReadOnly("SELECT status, claims FROM claims_by_status ORDER BY status").Rows.Select(r => r.ToArray());
        Assert.Equal([["false", 1L], ["true", 2L]], rows);
    }

    [Fact]
    public void SourceAttributionCountsUnattributedAndDriftingClaimsPerSource()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var run = SampleRuns.Basic() with
        {
            Claims = [SampleRuns.Claim("a"), SampleRuns.Claim("b"), SampleRuns.Claim("c"), SampleRuns.Claim("d")],
            Appearances =
            [
                new ReportAppearance("a", "euronews", AttributionKinds.Unattributed, null, null, null, null),
                new ReportAppearance("b", "euronews", AttributionKinds.DirectQuote, null, null, null, null),
                new ReportAppearance("c", "euronews", AttributionKinds.Reported, null, null, null, null),
                new ReportAppearance("c", "afp-wire", AttributionKinds.DirectQuote, null, null, null, null),
                new ReportAppearance("d", "afp-wire", AttributionKinds.Paraphrase, null, null, null, null),
            ],
            Findings =
            [
                SampleRuns.Finding("attribution.unattributed", "a", "euronews"),
                SampleRuns.Finding("quotes.drift", "b", "euronews"),
                SampleRuns.Finding("quotes.drift.case", "c", "afp-wire"), // drifts in AFP's copy only
                SampleRuns.Finding("quotes.drift", "d"),                  // no source named: counts for d's sources
                SampleRuns.Finding("review.stale", "c"),
            ],
        };
        store.WriteRun(run);

        var result = store.QueryReadOnly(
            "SELECT source_id, claims, direct_quote, paraphrase, reported, unattributed, flagged_unattributed, drifting FROM source_attribution ORDER BY source_id");
        Assert.Equal(
            [["afp-wire", 2L, 1L, 1L, 0L, 0L, 0L, 2L], ["euronews", 3L, 1L, 0L, 1L, 1L, 1L, 1L]],
            result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void LatestFindingsCarryTheRuleTitle()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic());
        var result = store.QueryReadOnly("SELECT rule_title FROM latest_findings WHERE rule_id = 'quotes.drift'");
        Assert.Equal("Quotes must match the source", result.Rows.Single()[0]);
    }
}
