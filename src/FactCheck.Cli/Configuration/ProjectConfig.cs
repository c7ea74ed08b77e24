using FactCheck.Claims.Model;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// A <c>factcheck.yaml</c> as written: every value optional (null when absent), paths still relative to
/// <see cref="Directory"/>, and the position of every rule id so a misspelt one is reported where it is written.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="DisplayPath">The file's path as errors name it (relative to the working folder).</param>
/// <param name="Rules">A rules folder or file, or <see cref="ProjectConfigReader.BundledRulesValue"/>.</param>
/// <param name="NoReport"><c>report: false</c>.</param>
/// <param name="FailOn">Null when absent; <see cref="FailNever"/> for <c>never</c>.</param>
internal sealed record ProjectConfig(
    string Path,
    string DisplayPath,
    string? Claims,
    string? Rules,
    string? Report,
    bool NoReport,
    RuleSeverity? FailOn,
    bool FailNever,
    RuleSeverity? DisplayLevel,
    string? Baseline,
    string? BaselineRef,
    IReadOnlyList<RuleReference> Enable,
    IReadOnlyList<RuleReference> Disable,
    IReadOnlyList<SeverityOverride> Severity)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}

/// <summary>A rule id named in the configuration, and where.</summary>
internal sealed record RuleReference(string Id, Location Location);

/// <summary><c>severity: {rule-id: level}</c>: the rule's findings are reported at this severity.</summary>
internal sealed record SeverityOverride(string Id, RuleSeverity Severity, Location Location);
