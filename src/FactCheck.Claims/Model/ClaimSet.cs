namespace FactCheck.Claims.Model;

/// <summary>Everything loaded from a claims folder, in a deterministic order (by file, then position).</summary>
public sealed record ClaimSet(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Proposition> Propositions,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<string> Files)
{
    public static readonly ClaimSet Empty = new([], [], [], []);
}
