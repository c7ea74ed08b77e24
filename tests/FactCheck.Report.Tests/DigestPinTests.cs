namespace FactCheck.Report.Tests;

/// <summary>
/// The digests a report stores, pinned to the values FactCheck has always computed for the same rows: a snapshot's
/// digest links a file's rows to an earlier run's, a finding's content digest links it to an earlier finding, a claim's
/// digest decides its version, and the claims and rules digests name the inputs. A change in how any of them is
/// computed would make every existing report see changes that are not there.
/// </summary>
public sealed class DigestPinTests
{
    [Fact]
    public void StoredDigestsAreTheOnesEarlierVersionsComputed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(PinnedRun());
        }

        Assert.Equal(
            [
                "claims/b.yaml c148e4f444ea6eb074189f9012f8a7f62e25cfa160ed71d8745ef116143e2cd0",
                " 02c465fa1b6f251243ab11b46a16b96e60cfa9d9c5b98cbacab836d0b18ea398",
                "claims/a.yaml b216be561bc939e2526c71aa7e319d500774475565cccc008788cc339bf78094",
            ],
            DbProbe.Strings(path, "SELECT coalesce(file, '') || ' ' || lower(hex(digest)) FROM snapshots ORDER BY snapshot_id"));
        Assert.Equal(
            [
                "c-1 26c7adb134d283d3862cfd4c1b69c19b",
                "c-2 89e0c5686a6bec08c4012bbfa00ac88d",
                "c-3 0123456789abcdef0123456789abcdef",
            ],
            DbProbe.Strings(path, "SELECT claim_id || ' ' || lower(hex(digest)) FROM claim_versions ORDER BY claim_id"));
        Assert.Equal(
            [
                "280d104c1a0e8422ab506aa5e8bc6997",
                "ef1ca95c488ddd51c00f18cc904ef7d9",
                "ef1ca95c488ddd51c00f18cc904ef7d9",
                "aad305f771daed6a58dd5f97eaec19ad",
                "50eb4ca033d9c6e427cbce070d6fdb5e",
                "ffff2874aa3ceba451d8c5f94b55d567",
            ],
            DbProbe.Strings(path, "SELECT lower(hex(digest)) FROM finding_contents ORDER BY finding_id"));
        Assert.Equal(
            [
                "b7bc7c4f2aba9ec5301bc04b483822ef",
                "261480393a5183f8397658af748e9ba3",
                "261480393a5183f8397658af748e9ba3",
                "b692d8aa777d4e516fd67b4cb44527ea",
                "dfe060ef8be9126d050ddb26408ac334",
                "6e6f742d612d6865782d66696e6765727072696e74",
            ],
            DbProbe.Strings(path, "SELECT lower(hex(fingerprint)) FROM run_findings ORDER BY seq"));
        Assert.Equal(
            [
                "b721ee6b65bae81b78670cc0cf0c6df930343562d7683fab185188c20c06900b d99f1ed2613b91dda5def135610a907110badb963d10b928512013be6e490186",
            ],
            DbProbe.Strings(path, "SELECT claims_digest || ' ' || rules_digest FROM runs"));
    }

    /// <summary>Two files and rows without one, out of key order, with nulls, repeats and non-ASCII text; findings with no, one, two (either order, or the same twice) and three claims.</summary>
    private static RunData PinnedRun() => new()
    {
        ToolVersion = "0.1.0",
        StartedAt = SampleRuns.Start,
        FinishedAt = SampleRuns.Start.AddSeconds(2),
        Sources =
        [
            new ReportSource("wire", "wire-copy", null, "AFP", null, "claims/b.yaml", 2),
            new ReportSource("euronews", "article", "Poutine et l’alliance", "Euronews", "https://example.org/é", "claims/b.yaml", 9),
            new ReportSource("loose", "article", "", null, null, null, null),
        ],
        Claims =
        [
            new ReportClaim("c-2", "claims/a.yaml", 20, 5, "Der Kanzler sagte „nie“.", "Olaf", "in-review"),
            new ReportClaim("c-1", "claims/a.yaml", 10, 5, "The minister said 3%.", null, "unreviewed"),
            new ReportClaim("c-3", "claims/b.yaml", null, null, "", "Anon", "true", "0123456789abcdef0123456789abcdef"),
        ],
        Appearances =
        [
            new ReportAppearance("c-2", "wire", AttributionKinds.Paraphrase, "nie", "claims/a.yaml", 22, 7),
            new ReportAppearance("c-1", "wire", AttributionKinds.DirectQuote, "3 %", "claims/a.yaml", 12, 7),
            new ReportAppearance("c-1", "euronews", AttributionKinds.Reported, null, "claims/a.yaml", 13, 7),
            new ReportAppearance("c-1", "wire", AttributionKinds.DirectQuote, "three per cent", "claims/a.yaml", 14, 7),
            new ReportAppearance("c-3", "euronews", AttributionKinds.Unattributed, "😀", "claims/b.yaml", 30, null),
        ],
        Citations =
        [
            new ReportCitation("c-2", null, "un rapport", "claims/a.yaml", 24, 9),
            new ReportCitation("c-1", "euronews", "Euronews", "claims/a.yaml", 15, 9),
            new ReportCitation("c-3", "wire", "AFP", null, null, null),
        ],
        Rules =
        [
            new ReportRule("quotes.drift", "Quotes must match", "error", "rules/quotes.yaml", 1),
            new ReportRule("attribution.unattributed", null!, "warning", null, null),
        ],
        Findings =
        [
            new ReportFinding("quotes.drift", "error", "Quote drifts: „nie“", "claims/a.yaml", 22, 7, ["c-2"], ["wire"]),
            new ReportFinding("quotes.drift", "error", "Two claims", "claims/a.yaml", 12, null, ["c-2", "c-1"], ["wire", "euronews"]),
            new ReportFinding("quotes.drift", "error", "Two claims", "claims/a.yaml", 12, null, ["c-1", "c-2"], ["euronews", "wire"]),
            new ReportFinding("quotes.drift", "warning", "The same claim twice", null, null, null, ["c-1", "c-1"], []),
            new ReportFinding("attribution.unattributed", "info", "Three", "claims/b.yaml", -1, 0, ["c-3", "c-1", "c-2", "c-1"], ["wire", "wire", "euronews"]),
            new ReportFinding("attribution.unattributed", "info", "No claim", "claims/b.yaml", 1234567890, 5, [], ["loose"], "not-a-hex-fingerprint"),
        ],
    };
}
