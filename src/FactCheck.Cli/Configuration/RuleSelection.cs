using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// Which rules run and at what severity, as <c>factcheck.yaml</c> says (<c>enable</c>, <c>disable</c>, <c>severity</c>).
/// Rule ids are checked against the loaded pack, so a misspelt one is an error at its position, with a suggestion.
/// </summary>
internal sealed class RuleSelection(IReadOnlyList<RuleReference> enable, IReadOnlyList<RuleReference> disable, IReadOnlyList<SeverityOverride> severity)
{
    private readonly Dictionary<string, RuleSeverity> _severity = severity
        .GroupBy(s => s.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last().Severity, StringComparer.Ordinal);

    public static RuleSelection From(ProjectConfig config) => new(config.Enable, config.Disable, config.Severity);

    public bool IsEmpty => enable.Count == 0 && disable.Count == 0 && severity.Count == 0;

    /// <summary>The severities it sets, as one string: selections that set the same give findings the same severities.</summary>
    public string Severities => string.Join(",", _severity.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    /// <summary>Adds an error for every id that names no rule of the pack.</summary>
    public void Validate(IReadOnlyList<RuleInfo> rules, ICollection<Diagnostic> errors)
    {
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, id, location) in enable.Select(e => ("enable", e.Id, e.Location))
                     .Concat(disable.Select(d => ("disable", d.Id, d.Location)))
                     .Concat(severity.Select(s => ("severity", s.Id, s.Location))))
        {
            if (ids.Contains(id)) continue;
            errors.Add(Diagnostic.Error(
                location, "unknown-rule", $"'{key}' names '{id}', which no rule of the pack defines{Suggestions.DidYouMean(id, ids)}", "'factcheck rules export' shows the bundled pack's ids"));
        }
    }

    /// <summary>The ids to run (null for all): those enabled (all when none is), minus those disabled.</summary>
    public IReadOnlyCollection<string>? Only(IReadOnlyList<RuleInfo> rules)
    {
        if (enable.Count == 0 && disable.Count == 0) return null;
        var chosen = enable.Count > 0 ? enable.Select(e => e.Id).ToHashSet(StringComparer.Ordinal) : rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        chosen.ExceptWith(disable.Select(d => d.Id));
        return chosen;
    }

    public RuleInfo Apply(RuleInfo rule) => _severity.TryGetValue(rule.Id, out var s) && s != rule.Severity ? rule with { Severity = s } : rule;

    public Finding Apply(Finding finding) =>
        _severity.TryGetValue(finding.RuleId, out var s) && s != finding.Severity ? finding with { Severity = s } : finding;
}
