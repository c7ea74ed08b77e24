using FactCheck.Rules.Language;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>
/// Each folder under Cases/ holds a rules.yaml with mistakes and expected.txt, the exact diagnostics
/// (positions inside expressions included). UPDATE_EXPECTED=1 rewrites them after a reviewed change.
/// </summary>
public sealed class RuleErrorCaseTests
{
    private static readonly string CasesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Rules.Tests", "Cases");

    public static TheoryData<string> Cases() => CaseFolders.Names(CasesDirectory);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_rules_give_the_expected_diagnostics(string name)
    {
        var dir = Path.Combine(CasesDirectory, name);
        var pack = RulePackLoader.Load(["rules.yaml"], dir);
        var actual = string.Concat(pack.Diagnostics.Select(d => d + "\n"));
        CaseFolders.AssertExpected(Path.Combine(dir, "expected.txt"), actual);
        Assert.True(pack.HasErrors);
    }
}
