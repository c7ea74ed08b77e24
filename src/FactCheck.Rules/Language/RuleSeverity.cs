namespace FactCheck.Rules.Language;

/// <summary>How serious a finding is; <c>check --fail-on</c> compares against it.</summary>
public enum RuleSeverity
{
    Info,
    Warning,
    Error,
}
