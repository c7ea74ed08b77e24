using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Attribution;

/// <summary>
/// A noun phrase naming who speaks, as printed ("Russian Defence Minister Sergei Shoigu", "the Chinese general",
/// "he"), cut into its role and name parts.
/// </summary>
internal sealed record Mention(string Printed, int Start, int End, string? Name, string? Role, ClaimantKind Kind, bool IsPronoun)
{
    /// <summary>Country the role names ("Russia's", "Chinese"), for telling offices apart.</summary>
    public string? Nationality { get; init; }

    /// <summary>The role's words, normalised (spelling variants folded), without the nationality.</summary>
    public IReadOnlyList<string> RoleWords { get; init; } = [];

    /// <summary>The last title word ("minister", "general"), the office a role-only mention names.</summary>
    public string? Head { get; init; }
}
