using FactCheck.Claims.Model;
using FactCheck.Drafting.Attribution;

namespace FactCheck.Drafting.Matching;

/// <summary>Whether a drafted speaker and a recorded claimant can be the same: same name, a name's part, or the office.</summary>
internal static class Speakers
{
    public static bool Compatible(string? name, ClaimantKind kind, Claimant recorded) => Compatible(name, kind, recorded.Name, recorded.Kind, recorded.Role);

    public static bool Compatible(string? name, ClaimantKind kind, string recordedName, ClaimantKind recordedKind, string? recordedRole)
    {
        if (name is null) return false;
        if (kind == ClaimantKind.Outlet && recordedKind == ClaimantKind.Outlet) return true;
        var a = Words.Of(name).Where(w => !Lexicon.Determiners.Contains(w)).ToArray();
        var b = Words.Of(recordedName);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a.All(b.Contains) || b.All(a.Contains)) return true;

        // An unnamed office ("Russia's president") against the recorded claimant's role ("President of Russia").
        if (recordedRole is { } role)
        {
            var roleWords = Words.Of(role);
            var heads = a.Where(w => Lexicon.TitleHeads.Contains(w)).ToList();
            return heads.Count > 0 && heads.All(roleWords.Contains);
        }

        return false;
    }
}
