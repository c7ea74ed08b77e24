namespace FactCheck.Report;

/// <summary>A run as recorded in the report.</summary>
public sealed record RunInfo(
    long RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string ToolVersion,
    string? GitCommit,
    string ClaimsDigest,
    string RulesDigest);
