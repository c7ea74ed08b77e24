namespace FactCheck.Report;

/// <summary>A run as recorded in the report.</summary>
/// <param name="Failed">
/// The run met invalid input (no rule ran) or a rule was stopped by a limit: its findings are partial, so the latest
/// run, diffs and baselines skip it. A rule error on some facts (a division by zero) does not fail the run.
/// </param>
public sealed record RunInfo(
    long RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string ToolVersion,
    string? GitCommit,
    string ClaimsDigest,
    string RulesDigest,
    bool Failed = false);
