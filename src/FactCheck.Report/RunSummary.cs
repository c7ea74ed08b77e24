namespace FactCheck.Report;

/// <summary>What a run found and how it differs from the run before it.</summary>
/// <param name="PreviousRunId">The run before this one; null for the first run (then every finding counts as new).</param>
/// <param name="FindingsBySeverity">Finding counts keyed by severity.</param>
/// <param name="ClaimsByStatus">Claim counts keyed by review status.</param>
public sealed record RunSummary(
    RunInfo Run,
    long? PreviousRunId,
    int Sources,
    int Claims,
    int Rules,
    int Findings,
    int Errors,
    IReadOnlyDictionary<string, int> FindingsBySeverity,
    IReadOnlyDictionary<string, int> ClaimsByStatus,
    int NewFindings,
    int FixedFindings,
    int UnchangedFindings);
