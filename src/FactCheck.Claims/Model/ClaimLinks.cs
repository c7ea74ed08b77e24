namespace FactCheck.Claims.Model;

/// <summary>Links an editor draws from one claim to others.</summary>
public sealed record ClaimLinks(
    IReadOnlyList<Reference> SameAs,
    IReadOnlyList<Reference> Contradicts,
    IReadOnlyList<Reference> Supports)
{
    public static readonly ClaimLinks Empty = new([], [], []);
}
