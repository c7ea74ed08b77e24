namespace FactCheck.Report.Tests;

public sealed class FingerprintTests
{
    [Fact]
    public void IsStableHexOfFixedLengthAndIgnoresFactOrder()
    {
        var one = Fingerprint.Compute("quotes.drift", ["claim:a", "source:euronews"]);
        Assert.Equal(Fingerprint.Length, one.Length);
        Assert.Matches("^[0-9a-f]+$", one);
        Assert.Equal(one, Fingerprint.Compute("quotes.drift", ["source:euronews", "claim:a", "claim:a"]));

        // Pinned: a change here breaks every stored baseline, so it must be deliberate (bump the scheme).
        Assert.Equal("ec9c06e389d61cc2f636e16832604a30", one);
    }

    [Fact]
    public void DependsOnRuleAndFactsOnly()
    {
        var baseline = Fingerprint.Compute("quotes.drift", ["claim:a"]);
        Assert.NotEqual(baseline, Fingerprint.Compute("quotes.drift.strict", ["claim:a"]));
        Assert.NotEqual(baseline, Fingerprint.Compute("quotes.drift", ["claim:b"]));
        Assert.NotEqual(baseline, Fingerprint.Compute("quotes.drift", ["claim:a", "claim:b"]));

        // Field boundaries count: ("ab","c") is not ("a","bc").
        Assert.NotEqual(Fingerprint.Compute("r", ["ab", "c"]), Fingerprint.Compute("r", ["a", "bc"]));
    }

    [Fact]
    public void FindingKeepsItsFingerprintWhenMessageSeverityOrPositionChange()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var first = store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [SampleRuns.Finding("quotes.drift", "a", "euronews", "Quote differs from the source", line: 10)]));
        var second = store.WriteRun(SampleRuns.Run(
            [SampleRuns.Claim("a", line: 42)],
            [SampleRuns.Finding("quotes.drift", "a", "euronews", "The quote no longer matches the article text", line: 42, severity: "error") with { Column = 9, File = "claims/moved.yaml" }]));

        var before = Assert.Single(store.GetFindings(first));
        var after = Assert.Single(store.GetFindings(second));
        Assert.Equal(before.Fingerprint, after.Fingerprint);
        Assert.Equal(Fingerprint.ForFinding("quotes.drift", ["a"], ["euronews"]), after.Fingerprint);
        var diff = store.Diff(first, second);
        Assert.Empty(diff.New);
        Assert.Empty(diff.Fixed);
        Assert.Single(diff.Unchanged);
    }

    [Fact]
    public void CallerFingerprintIsKept()
    {
        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        var run = store.WriteRun(SampleRuns.Run([SampleRuns.Claim("a")], [SampleRuns.Finding("quotes.drift", "a") with { Fingerprint = "custom-print" }]));
        Assert.Equal(["custom-print"], store.GetFingerprints(run));
    }

    [Fact]
    public void ClaimAndSourceKeysDoNotCollide()
    {
        Assert.NotEqual(Fingerprint.ForFinding("r", ["x"], []), Fingerprint.ForFinding("r", [], ["x"]));
    }
}
