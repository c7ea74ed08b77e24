using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// A <c>factcheck.yaml</c> as written: every value optional (null when absent), paths still relative to the
/// file's folder, and the position of every rule id so a misspelt one is reported where it is written.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="DisplayPath">The file's path as errors name it (relative to the working folder).</param>
/// <param name="Rules">A rules folder or file, or <see cref="ProjectConfigReader.BundledRulesValue"/>.</param>
/// <param name="NoReport"><c>report: false</c>.</param>
/// <param name="FailOn">Null when absent or <c>never</c> (then <paramref name="FailNever"/>).</param>
/// <param name="DisplayLevel"><c>min-severity</c>: the lowest severity listed in text output and annotations.</param>
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
    IReadOnlyList<SeverityOverride> Severity);
