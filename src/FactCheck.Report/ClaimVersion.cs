namespace FactCheck.Report;

/// <summary>One version of a claim: its content and status from <see cref="FirstRunId"/> until <see cref="LastRunId"/>.</summary>
public sealed record ClaimVersion(
    string ClaimId,
    int Version,
    string Status,
    string Statement,
    string? Claimant,
    string Digest,
    long FirstRunId,
    long? LastRunId);
