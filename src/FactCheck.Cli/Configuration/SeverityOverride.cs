using FactCheck.Claims.Model;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary><c>severity: {rule-id: level}</c>: the rule's findings are reported at this severity.</summary>
internal sealed record SeverityOverride(string Id, RuleSeverity Severity, Location Location);
