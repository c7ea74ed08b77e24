namespace FactCheck.Report.Tests;

/// <summary>Run data for tests: a small newsroom with sources, claims, appearances and findings.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static ReportClaim Claim(string id, string status = "unreviewed", int line = 10, string? statement = null) =>
        new(id, "claims/story.yaml", line, 5, statement ?? $"Statement of {id}.", "Vladimir Putin", status);

    public static ReportFinding Finding(string rule, string claimId, string? sourceId = null, string? message = null, int line = 10, string severity = "warning") =>
        new(rule, severity, message ?? $"{rule} on {claimId}", "claims/story.yaml", line, 5, [claimId], sourceId is null ? [] : [sourceId]);

    public static RunData Run(IEnumerable<ReportClaim> claims, IEnumerable<ReportFinding> findings, string? gitCommit = "abc123") => new()
    {
        ToolVersion = "0.1.0",
        StartedAt = Start,
        FinishedAt = Start.AddSeconds(2),
        GitCommit = gitCommit,
        Sources =
        [
            new ReportSource("euronews", "article", "Putin on alliance", "Euronews", null, "claims/sources.yaml", 3),
            new ReportSource("afp-wire", "wire-copy", null, "AFP", null, "claims/sources.yaml", 12),
        ],
        Claims = claims.ToList(),
        Rules =
        [
            new ReportRule("attribution.unattributed", "Claims need a claimant", "warning", "rules/attribution.yaml", 1),
            new ReportRule("quotes.drift", "Quotes must match the source", "error", "rules/quotes.yaml", 1),
            new ReportRule("review.stale", "Reviews go stale", "info", "rules/review.yaml", 1),
        ],
        Findings = findings.ToList(),
    };

    /// <summary>Three claims, three findings; the basis most tests vary.</summary>
    public static RunData Basic() => Run(
        [Claim("a"), Claim("b", "in-review"), Claim("c", "true")],
        [Finding("attribution.unattributed", "a", "euronews"), Finding("quotes.drift", "b", "euronews", severity: "error"), Finding("review.stale", "c", severity: "info")]) with
    {
        Appearances =
        [
            new ReportAppearance("a", "euronews", AttributionKinds.Unattributed, "Quote a", "claims/story.yaml", 11, 7),
            new ReportAppearance("b", "euronews", AttributionKinds.DirectQuote, "Quote b", "claims/story.yaml", 21, 7),
            new ReportAppearance("c", "afp-wire", AttributionKinds.Paraphrase, "Quote c", "claims/story.yaml", 31, 7),
        ],
        Citations = [new ReportCitation("c", null, "a US intelligence report", "claims/story.yaml", 33, 7)],
        Errors = [new ReportRunError(RunErrorKinds.RuleError, "division by zero in '1 / x'", "quotes.drift", "claims/other.yaml", 4, 3)],
    };

    /// <summary>The bytes of a file and its -wal/-shm companions, to prove a refused file was not touched.</summary>
    public static byte[] Snapshot(string path) => System.IO.File.ReadAllBytes(path);
}
