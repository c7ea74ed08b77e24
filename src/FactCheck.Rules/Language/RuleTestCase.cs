using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Rules.Language;

/// <summary>A test written beside rules: inline claims, and the findings they must and must not produce.</summary>
public sealed record RuleTestCase(
    string Name,
    YamlNode Claims,
    string Directory,
    IReadOnlyList<RuleTestExpectation> Expect,
    IReadOnlyList<RuleTestExpectation> ExpectNot,
    Location Location);
