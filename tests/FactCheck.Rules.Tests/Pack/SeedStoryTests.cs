using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>
/// The bundled seed story against the bundled rules: the findings are reviewed and kept in
/// <c>Pack/seed-story.expected.txt</c>. UPDATE_EXPECTED=1 rewrites it after a reviewed change.
/// </summary>
public sealed class SeedStoryTests
{
    [Fact]
    public void Seed_story_produces_the_reviewed_findings()
    {
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root);
        Assert.Empty(claims.Diagnostics);
        var pack = RulePackLoader.Load(["rules"], RepositoryPaths.Root);
        Assert.Empty(pack.Diagnostics);

        var result = RuleRunner.Run(pack, claims.ClaimSet);

        Assert.Empty(result.Errors);
        var actual = string.Concat(result.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Message}\n"));
        var expectedPath = RepositoryPaths.Combine("tests", "FactCheck.Rules.Tests", "Pack", "seed-story.expected.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1") File.WriteAllText(expectedPath, actual);
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
