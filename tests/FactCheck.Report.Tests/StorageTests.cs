namespace FactCheck.Report.Tests;

/// <summary>Schema version 3 stores FactCheck's hex fingerprints and digests as bytes, and gives back the same text.</summary>
public sealed class StorageTests
{
    [Fact]
    public void HexFingerprintsAndDigestsAreStoredAsBytesAndReadBackAsTheSameText()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var sha = ContentDigest.Compute("claim content"); // 64 hex digits
        var run = store.WriteRun(SampleRuns.Run(
            [SampleRuns.Claim("a"), SampleRuns.Claim("b") with { Digest = sha }, SampleRuns.Claim("c") with { Digest = "my-digest" }],
            [
                SampleRuns.Finding("quotes.drift", "a", "euronews"),
                SampleRuns.Finding("review.stale", "b") with { Fingerprint = "custom-print" },
                SampleRuns.Finding("review.stale", "c") with { Fingerprint = "ABCDEF0123456789ABCDEF0123456789" }, // upper case: not FactCheck's form
            ]));

        var computed = Fingerprint.ForFinding("quotes.drift", ["a"], ["euronews"]);
        Assert.Equal(
            ["blob 16", "text 12", "text 32"],
            DbProbe.Strings(path, "SELECT typeof(fingerprint) || ' ' || length(CAST(fingerprint AS BLOB)) FROM findings ORDER BY finding_id"));
        Assert.Equal(["blob 16", "blob 32", "text 9"], DbProbe.Strings(path, "SELECT typeof(digest) || ' ' || length(CAST(digest AS BLOB)) FROM claim_versions ORDER BY claim_id"));

        Assert.Equal([computed, "custom-print", "ABCDEF0123456789ABCDEF0123456789"], store.GetFindings(run).Select(f => f.Fingerprint));
        Assert.Equal(new HashSet<string> { computed, "custom-print", "ABCDEF0123456789ABCDEF0123456789" }, store.GetFingerprints(run).ToHashSet());
        Assert.Equal(ContentDigest.ForClaim("Statement of a.", "Vladimir Putin"), store.GetClaimHistory("a")[0].Digest);
        Assert.Equal(sha, store.GetClaimHistory("b")[0].Digest);
        Assert.Equal("my-digest", store.GetClaimHistory("c")[0].Digest);

        // The views show text; the raw table matches with unhex().
        Assert.Equal([computed], store.QueryReadOnly("SELECT fingerprint FROM latest_findings WHERE rule_id = 'quotes.drift'").Rows.Select(r => r[0]));
        Assert.Equal([sha], store.QueryReadOnly("SELECT digest FROM latest_claims WHERE claim_id = 'b'").Rows.Select(r => r[0]));
        Assert.Equal(1L, store.QueryReadOnly($"SELECT count(*) FROM findings WHERE fingerprint = unhex('{computed}')").Rows[0][0]);
        Assert.Equal(1L, store.QueryReadOnly($"SELECT count(*) FROM findings WHERE fingerprint = x'{computed}'").Rows[0][0]);
        Assert.Equal(computed, store.QueryReadOnly("SELECT lower(hex(fingerprint)) FROM findings WHERE rule_id = 'quotes.drift'").Rows[0][0]);
    }

    /// <summary>Large tables are inserted many rows per statement: every row lands, whether the rows fill whole statements or not, mixed text, null and blob values included.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(129)]
    public void EveryRowLandsWhateverTheBatchBoundary(int count)
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var ids = Enumerable.Range(0, count).Select(i => $"claim-{i:D4}").ToList();
        store.WriteRun(SampleRuns.Run(
            ids.Select((id, i) => SampleRuns.Claim(id, line: i + 1) with { Claimant = i % 3 == 0 ? null : "Ä claimant" }),
            ids.Select((id, i) => SampleRuns.Finding("quotes.drift", id, i % 2 == 0 ? "euronews" : null, message: $"m{i}") with { Line = i % 5 == 0 ? null : i })) with
        {
            Appearances = ids.Select((id, i) => new ReportAppearance(id, "euronews", AttributionKinds.DirectQuote, i % 4 == 0 ? null : $"quote {i}", "claims/story.yaml", i, null)).ToList(),
        });

        Assert.Equal(count, DbProbe.Long(path, "SELECT count(*) FROM claims"));
        Assert.Equal((count + 2) / 3, DbProbe.Long(path, "SELECT count(*) FROM claim_versions WHERE claimant IS NULL"));
        Assert.Equal(count, DbProbe.Long(path, "SELECT count(*) FROM appearances"));
        Assert.Equal(ids.Where((_, i) => i % 4 != 0).Select(id => id).ToList(), DbProbe.Strings(path, "SELECT claim_id FROM appearances WHERE quote IS NOT NULL ORDER BY claim_id"));
        Assert.Equal(count, DbProbe.Long(path, "SELECT count(*) FROM findings"));
        Assert.Equal((count + 1) / 2, DbProbe.Long(path, "SELECT count(*) FROM finding_sources"));
        Assert.Equal(count, DbProbe.Long(path, "SELECT count(DISTINCT fingerprint) FROM run_findings"));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"m{i}").ToList(), store.GetFindings(1).Select(f => f.Message).ToList());
        Assert.Equal(Enumerable.Range(0, count).Select(i => i % 5 == 0 ? (int?)null : i).ToList(), store.GetFindings(1).Select(f => f.Line).ToList());
    }

    [Fact]
    public void AClaimWithAnUnchangedDigestKeepsItsVersion()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var sha = ContentDigest.Compute("claim content");
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a"), SampleRuns.Claim("b") with { Digest = sha }, SampleRuns.Claim("c") with { Digest = "my-digest" }], []));
        store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a", line: 70), SampleRuns.Claim("b", line: 80) with { Digest = sha }, SampleRuns.Claim("c") with { Digest = "my-digest" }], []));
        Assert.All(["a", "b", "c"], id => Assert.Equal((long?)2L, Assert.Single(store.GetClaimHistory(id)).LastRunId));
    }

    [Fact]
    public void RepeatedAppearancesOfAClaimInASourceAreAllKept()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        store.WriteRun(SampleRuns.Basic() with
        {
            Appearances =
            [
                new ReportAppearance("b", "euronews", AttributionKinds.DirectQuote, "second", "claims/story.yaml", 40, 7),
                new ReportAppearance("a", "euronews", AttributionKinds.Unattributed, "first of a", "claims/story.yaml", 11, 7),
                new ReportAppearance("b", "euronews", AttributionKinds.Paraphrase, "third", "claims/story.yaml", 41, 7),
                new ReportAppearance("a", "afp-wire", AttributionKinds.Reported, null, null, null, null),
            ],
        });

        Assert.Equal(
            ["afp-wire a 0 ", "euronews a 0 first of a", "euronews b 0 second", "euronews b 1 third"],
            DbProbe.Strings(path, "SELECT source_id || ' ' || claim_id || ' ' || seq || ' ' || coalesce(quote, '') FROM appearances ORDER BY source_id, claim_id, seq"));
        var attribution = store.QueryReadOnly("SELECT source_id, claims, direct_quote, paraphrase FROM source_attribution ORDER BY source_id");
        Assert.Equal([["afp-wire", 1L, 0L, 0L], ["euronews", 2L, 1L, 1L]], attribution.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void ARunsFindingsAreReadInTheOrderTheyWereRecordedWhateverTheirIds()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using var store = ReportStore.Open(path);
        var first = store.WriteRun(SampleRuns.Basic());
        var second = store.WriteRun(SampleRuns.Basic());

        // A finding of run 1 with an id after every other, recorded last (the library never writes this; another tool might).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO finding_contents VALUES (100, 'review.stale', 'info', 'late', NULL, NULL, NULL, 'late-print', NULL);
                INSERT INTO run_findings VALUES (1, 'late-print', 3, 100);
                """;
            command.ExecuteNonQuery();
        }

        Assert.Equal([1L, 2L, 3L, 100L], store.GetFindings(first).Select(f => f.FindingId));
        Assert.Equal([1L, 2L, 3L], store.GetFindings(second).Select(f => f.FindingId)); // the same three, shared
        Assert.Equal(["late-print"], store.Diff(first, second).Fixed.Select(f => f.Fingerprint));
    }
}
