using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>
/// Each folder under Stories/ is one story's claims (any *.yaml in it, texts beside them) and <c>expected.txt</c>, the
/// reviewed findings of the bundled rules on it, one line each (<c>file:line:col severity rule message</c>, paths
/// relative to the folder). The claims must load cleanly and the rules run without errors. UPDATE_EXPECTED=1
/// rewrites the expected files after a reviewed change.
/// </summary>
public sealed class StoryCaseTests
{
    private static readonly string StoriesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Rules.Tests", "Stories");
    private static readonly Lazy<RulePack> Pack = new(() => RulePackLoader.Load(["rules"], RepositoryPaths.Root));

    public static TheoryData<string> Stories() => CaseFolders.Names(StoriesDirectory);

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_produces_the_reviewed_findings(string name)
    {
        var dir = Path.Combine(StoriesDirectory, name);
        var claims = ClaimsLoader.Load(["."], dir);
        Assert.Empty(claims.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(Pack.Value.Diagnostics);

        var result = RuleRunner.Run(Pack.Value, claims.ClaimSet);

        Assert.Empty(result.Errors.Select(e => $"{e.RuleId}: {e.Message}"));
        var actual = string.Concat(result.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Message}\n"));
        CaseFolders.AssertExpected(Path.Combine(dir, "expected.txt"), actual);
    }
}
