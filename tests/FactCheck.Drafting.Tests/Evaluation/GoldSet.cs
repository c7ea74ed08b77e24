using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Tests.Evaluation;

/// <summary>Loads a gold claims folder and cuts it the ways the measurements need.</summary>
internal static class GoldSet
{
    public static ClaimSet Load(string folder)
    {
        var result = ClaimsLoader.Load([folder], folder);
        var errors = result.Diagnostics.Where(d => d.Severity == Claims.Diagnostics.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return result.ClaimSet;
    }

    /// <summary>The set without one source's appearances (claims left with none are dropped).</summary>
    public static ClaimSet Without(ClaimSet set, string sourceId)
    {
        var claims = set.Claims
            .Select(c => c with { Appearances = c.Appearances.Where(a => a.Source.Id != sourceId).ToList() })
            .Where(c => c.Appearances.Count > 0)
            .ToList();
        return set with { Claims = claims };
    }

    /// <summary>Only the sources (no claims): drafting "against an empty claims folder" that still knows the source.</summary>
    public static ClaimSet SourcesOnly(ClaimSet set) => set with { Claims = [], Propositions = [] };
}
