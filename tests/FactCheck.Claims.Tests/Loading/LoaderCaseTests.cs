using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// Each folder under Cases/ holds claims files and <c>expected.txt</c>, the exact diagnostics validation
/// must print (paths relative to the folder). Set UPDATE_EXPECTED=1 to rewrite them after a reviewed change.
/// </summary>
public sealed class LoaderCaseTests
{
    private static readonly string CasesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Claims.Tests", "Cases");

    public static TheoryData<string> Cases() => CaseFolders.Names(CasesDirectory);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_produces_the_expected_diagnostics(string name)
    {
        var dir = Path.Combine(CasesDirectory, name);
        var result = ClaimsLoader.Load(["."], dir);
        var actual = string.Concat(result.Diagnostics.Select(d => d + "\n"));
        CaseFolders.AssertExpected(Path.Combine(dir, "expected.txt"), actual);
        Assert.Equal(actual.Length > 0, result.HasErrors);
    }
}
