namespace FactCheck.Report.Tests;

/// <summary>Schema version 5: a run's inputs are stored per file snapshot, and a file whose rows did not change is linked, not copied.</summary>
public sealed class SnapshotTests
{
    private const string Story = "claims/story.yaml";
    private const string Other = "claims/other.yaml";

    [Fact]
    public void AnUnchangedRunLinksToEverySnapshotOfTheRunBefore()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(TwoFiles());
        var before = Rows(store, 1);
        store.WriteRun(TwoFiles());

        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM snapshots")); // story, other, sources
        Assert.Equal(6, DbProbe.Long(path, "SELECT count(*) FROM run_snapshots"));
        Assert.Equal(3, DbProbe.Long(path, "SELECT count(*) FROM snapshot_claims"));
        Assert.Equal(before, Rows(store, 2));
        Assert.All(["a", "b", "c"], id => Assert.Equal((long?)2, Assert.Single(store.GetClaimHistory(id)).LastRunId));
        Assert.Equal(3, store.GetRunSummary().Claims);
    }

    [Fact]
    public void OnlyTheChangedFileIsWrittenAgain()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(TwoFiles());
        var run = TwoFiles();
        var changed = run with
        {
            Claims = [run.Claims[0], run.Claims[1] with { Status = "true", Line = 40 }, run.Claims[2]],
            Appearances = [.. run.Appearances, new ReportAppearance("b", "afp-wire", AttributionKinds.Reported, null, Story, 44, 7)],
        };
        store.WriteRun(changed);

        Assert.Equal(["claims/sources.yaml 1", "claims/story.yaml 1", "claims/other.yaml 1", "claims/story.yaml 2"],
            DbProbe.Strings(path, "SELECT file || ' ' || first_run_id FROM snapshots ORDER BY snapshot_id"));
        Assert.Equal(2, DbProbe.Long(path, "SELECT count(*) FROM snapshot_claims WHERE snapshot_id = 4"));
        Assert.Equal(Expected(changed), Rows(store, 2));
        Assert.Equal([1, 2], store.GetClaimHistory("b").Select(v => v.Version));
        Assert.Equal((long?)2, Assert.Single(store.GetClaimHistory("c")).LastRunId);
        Assert.Equal(["afp-wire 0", "euronews 0"], DbProbe.Strings(path, "SELECT source_id || ' ' || seq FROM appearances WHERE run_id = 2 AND claim_id = 'b' ORDER BY source_id"));
    }

    [Fact]
    public void AFileChangedAndChangedBackGetsNewVersionsAsBefore()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var run = TwoFiles();
        var edited = run with { Claims = [run.Claims[0] with { Status = "false" }, run.Claims[1], run.Claims[2]] };
        store.WriteRun(run);
        store.WriteRun(edited);
        store.WriteRun(run);
        Assert.Equal([(1, "unreviewed", 1L, (long?)1L), (2, "false", 2L, 2L), (3, "unreviewed", 3L, 3L)],
            store.GetClaimHistory("a").Select(v => (v.Version, v.Status, v.FirstRunId, v.LastRunId)));
        Assert.Equal(Expected(run), Rows(store, 3));
    }

    [Fact]
    public void AClaimThatMovesToAnotherFileKeepsItsVersion()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var run = TwoFiles();
        store.WriteRun(run);
        var moved = run with
        {
            Claims = [run.Claims[0], run.Claims[1], run.Claims[2] with { File = Story, Line = 90 }],
            Citations = [run.Citations[0] with { File = Story, Line = 93 }],
        };
        store.WriteRun(moved);
        Assert.Equal((long?)2, Assert.Single(store.GetClaimHistory("c")).LastRunId);
        Assert.Equal(Expected(moved), Rows(store, 2));
    }

    [Fact]
    public void RowsWithoutAFileAreAFileOfTheirOwn()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var run = SampleRuns.Run([SampleRuns.Claim("a") with { File = null, Line = null, Column = null }], []);
        store.WriteRun(run);
        store.WriteRun(run);
        Assert.Equal(["- 1", "claims/sources.yaml 1"], DbProbe.Strings(path, "SELECT coalesce(file, '-') || ' ' || first_run_id FROM snapshots ORDER BY file"));
        Assert.Equal(Expected(run), Rows(store, 2));
    }

    [Fact]
    public void EveryRunReadsBackWhatItWroteAfterRandomEdits()
    {
        var random = new Random(20261205);
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var files = new[] { Story, Other, "claims/third.yaml", null };
        string[] statuses = ["unreviewed", "in-review", "true"];
        var claims = Enumerable.Range(0, 12).Select(i => new ReportClaim($"c{i}", files[i % 4], i * 10, 5, $"Statement {i}.", "Putin", "unreviewed")).ToArray();
        var history = new Dictionary<string, List<(string Digest, string Status)>>();
        for (var runIndex = 1; runIndex <= 25; runIndex++)
        {
            // Edit one or two claims: status, statement, position or file; sometimes nothing.
            for (var edits = random.Next(3); edits > 0; edits--)
            {
                var i = random.Next(claims.Length);
                claims[i] = random.Next(4) switch
                {
                    0 => claims[i] with { Status = statuses[random.Next(statuses.Length)] },
                    1 => claims[i] with { Statement = $"Statement {i}, take {random.Next(3)}." },
                    2 => claims[i] with { Line = random.Next(1, 300) },
                    _ => claims[i] with { File = files[random.Next(files.Length)] },
                };
            }

            var run = SampleRuns.Run(claims, []) with
            {
                Appearances = claims.Where((_, i) => i % 3 != 0).SelectMany(c => new[]
                {
                    new ReportAppearance(c.Id, "euronews", AttributionKinds.DirectQuote, $"{c.Statement} (quoted)", c.File, c.Line + 1, 7),
                    new ReportAppearance(c.Id, "euronews", AttributionKinds.Paraphrase, "again", c.File, c.Line + 2, 7),
                }).ToList(),
                Citations = claims.Where((_, i) => i % 4 == 1).Select(c => new ReportCitation(c.Id, null, "a report", c.File, c.Line + 3, 7)).ToList(),
            };
            var runId = store.WriteRun(run);
            Assert.Equal(Expected(run), Rows(store, runId));

            foreach (var c in claims)
            {
                var versions = history.TryGetValue(c.Id, out var list) ? list : history[c.Id] = [];
                var digest = ContentDigest.ForClaim(c.Statement, c.Claimant);
                if (versions.Count == 0 || versions[^1] != (digest, c.Status)) versions.Add((digest, c.Status));
                var stored = store.GetClaimHistory(c.Id);
                Assert.Equal(versions.Count, stored.Count);
                Assert.Equal((long?)runId, stored[^1].LastRunId);
                Assert.Equal(c.Status, stored[^1].Status);
            }
        }
    }

    /// <summary>Two claims in story.yaml, one in other.yaml, the sources in sources.yaml.</summary>
    private static RunData TwoFiles()
    {
        var basic = SampleRuns.Basic();
        return basic with
        {
            Claims = [basic.Claims[0], basic.Claims[1], basic.Claims[2] with { File = Other }],
            Appearances = [basic.Appearances[0], basic.Appearances[1], basic.Appearances[2] with { File = Other }],
            Citations = [basic.Citations[0] with { File = Other }],
        };
    }

    /// <summary>A run's inputs as the views give them back, sorted (run id left out).</summary>
    private static List<string> Rows(ReportStore store, long runId)
    {
        var rows = new List<string>();
        foreach (var (name, sql) in new[]
        {
            ("source", "SELECT source_id, kind, title, outlet, url, file, line FROM sources WHERE run_id = {0}"),
            ("claim", "SELECT claim_id, file, line, col, statement, claimant, status FROM claims WHERE run_id = {0}"),
            ("appearance", "SELECT claim_id, source_id, seq, attribution, quote, file, line, col FROM appearances WHERE run_id = {0}"),
            ("citation", "SELECT claim_id, source_id, cited_as, file, line, col FROM citations WHERE run_id = {0}"),
        })
        {
            rows.AddRange(store.QueryReadOnly(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, runId)).Rows
                .Select(r => name + ": " + string.Join('|', r.Select(v => v?.ToString() ?? "NULL"))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>What <see cref="Rows"/> must give for <paramref name="run"/>: its rows, seq numbering a claim's appearances in a source in order.</summary>
    private static List<string> Expected(RunData run)
    {
        static string N(object? v) => v?.ToString() ?? "NULL";
        var rows = new List<string>();
        rows.AddRange(run.Sources.Select(s => $"source: {s.Id}|{s.Kind}|{N(s.Title)}|{N(s.Outlet)}|{N(s.Url)}|{N(s.File)}|{N(s.Line)}"));
        rows.AddRange(run.Claims.Select(c => $"claim: {c.Id}|{N(c.File)}|{N(c.Line)}|{N(c.Column)}|{c.Statement}|{N(c.Claimant)}|{c.Status}"));
        rows.AddRange(run.Appearances.GroupBy(a => (a.SourceId, a.ClaimId))
            .SelectMany(g => g.Select((a, seq) => $"appearance: {a.ClaimId}|{a.SourceId}|{seq}|{a.Attribution}|{N(a.Quote)}|{N(a.File)}|{N(a.Line)}|{N(a.Column)}")));
        rows.AddRange(run.Citations.Select(c => $"citation: {c.ClaimId}|{N(c.SourceId)}|{c.CitedAs}|{N(c.File)}|{N(c.Line)}|{N(c.Column)}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
