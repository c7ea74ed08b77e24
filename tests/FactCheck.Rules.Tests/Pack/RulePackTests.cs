using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Pack;

/// <summary>The bundled rule pack compiles cleanly, and every test written beside its rules passes.</summary>
public sealed class RulePackTests
{
    private static readonly Lazy<RulePack> Pack = new(() => RulePackLoader.Load(["rules"], RepositoryPaths.Root));

    public static TheoryData<string> TestNames()
    {
        var data = new TheoryData<string>();
        foreach (var test in Pack.Value.Tests) data.Add($"{test.Location.File}: {test.Name}");
        return data;
    }

    [Fact]
    public void The_bundled_pack_compiles_without_diagnostics()
    {
        Assert.Empty(Pack.Value.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(Pack.Value.Rules);
    }

    [Theory]
    [MemberData(nameof(TestNames))]
    public void Rule_test_passes(string name)
    {
        var test = Pack.Value.Tests.Single(t => $"{t.Location.File}: {t.Name}" == name);
        var pack = Pack.Value;
        var result = RuleTestRunner.Run(pack).Single(r => r.Location == test.Location);
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void Every_flagging_rule_is_expected_to_fire_by_some_test()
    {
        var expected = Pack.Value.Tests.SelectMany(t => t.Expect).Select(e => e.Rule.Id).ToHashSet();
        var silent = Pack.Value.Rules.Where(r => !r.Id.StartsWith("chain.", StringComparison.Ordinal) && !expected.Contains(r.Id)).Select(r => r.Id);
        Assert.Empty(silent);
    }

    [Fact]
    public void Every_flagging_rule_has_a_test_where_it_must_not_fire()
    {
        var unflagged = Pack.Value.Tests.SelectMany(t => t.ExpectNot).Select(e => e.Rule.Id).ToHashSet();
        var untested = Pack.Value.Rules.Where(r => !unflagged.Contains(r.Id)).Select(r => r.Id);
        Assert.Empty(untested);
    }
}
