using FactCheck.Claims.Loading;
using FactCheck.Cli.Checking;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary><c>check</c>'s settings: each flag given on the command line, else <c>factcheck.yaml</c>'s value, else the default.</summary>
/// <param name="RulesNote">What the header says when the bundled pack runs.</param>
/// <param name="DisplayLevel">The lowest severity the text and GitHub formats show (failing findings are always shown).</param>
internal sealed record CheckSettings(CheckOptions Options, string? BaselineRef, RuleSeverity? DisplayLevel, string RulesNote)
{
    public static CheckSettings Resolve(
        Project project, string? claims, string? rules, string? db, bool noReport, string? failOn, string? baseline, string? baselineRef, IReadOnlyList<string> only)
    {
        var config = project.Config;
        var claimsPath = project.Claims(claims);
        var rulesPath = project.Rules(rules);
        var database = noReport || (db is null && config?.NoReport == true) ? null : db ?? project.DefaultReport(claimsPath);

        // No project here (no factcheck.yaml, no claims folder, no report yet): `check` in the wrong folder says so,
        // and leaves no factcheck.db behind.
        if (db is null && config is null && database is not null
            && !Path.Exists(Path.GetFullPath(claimsPath, project.WorkingDirectory)) && !File.Exists(Path.GetFullPath(database, project.WorkingDirectory)))
        {
            database = null;
        }
        RuleSeverity? threshold = failOn switch
        {
            "never" => (RuleSeverity?)null,
            not null => KebabCase.TryParse<RuleSeverity>(failOn, out var severity) ? severity : RuleSeverity.Error,
            null when config?.FailNever == true => null,
            null => config?.FailOn ?? RuleSeverity.Error,
        };

        // Both baselines from the configuration would be one too many; a flag for either replaces both.
        var fromFlags = baseline is not null || baselineRef is not null;
        var options = new CheckOptions(
            claimsPath,
            rulesPath ?? BundledRules.DisplayFolder,
            database is null ? null : Path.GetRelativePath(project.WorkingDirectory, Path.GetFullPath(database, project.WorkingDirectory)),
            fromFlags ? baseline : config?.Baseline is { } b ? Path.GetFullPath(b, project.Root) is var full && File.Exists(full) ? full : b : null,
            threshold,
            only)
        {
            UseBundledRules = rulesPath is null,
            Selection = config is null ? null : RuleSelection.From(config) is { IsEmpty: false } selection ? selection : null,
            ConfigErrors = project.Diagnostics,
        };

        var count = BundledRules.Files.Count(f => f.EndsWith(".yaml", StringComparison.Ordinal));
        var note = rulesPath is not null ? string.Empty
            : config?.Rules is null
            ? $"no rules folder found (looked for {ClaimsLoader.Display(Path.Combine(project.Root, Project.RulesFolder), project.WorkingDirectory)}); using the rule pack bundled with FactCheck {CheckRunner.ToolVersion} ({count} files; 'factcheck rules export' copies it for editing)"
            : $"using the rule pack bundled with FactCheck {CheckRunner.ToolVersion} (rules: bundled in {config.DisplayPath})";
        return new CheckSettings(options, fromFlags ? baselineRef : config?.BaselineRef, config?.DisplayLevel, note);
    }
}
