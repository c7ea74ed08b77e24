namespace FactCheck.Report;

/// <summary>Everything one `factcheck check` run produced; written to the report in one transaction.</summary>
public sealed record RunData
{
    public required string ToolVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The git commit the claims were read at, when the run happened in a git work tree.</summary>
    public string? GitCommit { get; init; }

    /// <summary>Digest of the claim files as read; when null it is computed from the claims' ids, digests and statuses.</summary>
    public string? ClaimsDigest { get; init; }

    /// <summary>Digest of the rule files as read; when null it is computed from the rules' ids, titles and severities.</summary>
    public string? RulesDigest { get; init; }

    public IReadOnlyList<ReportSource> Sources { get; init; } = [];

    public IReadOnlyList<ReportClaim> Claims { get; init; } = [];

    public IReadOnlyList<ReportAppearance> Appearances { get; init; } = [];

    public IReadOnlyList<ReportCitation> Citations { get; init; } = [];

    public IReadOnlyList<ReportRule> Rules { get; init; } = [];

    public IReadOnlyList<ReportFinding> Findings { get; init; } = [];

    /// <summary>Rule errors and invalid input met during the run.</summary>
    public IReadOnlyList<ReportRunError> Errors { get; init; } = [];
}
