namespace FactCheck.Report;

/// <summary>The kinds of <see cref="ReportRunError"/>.</summary>
public static class RunErrorKinds
{
    public const string RuleError = "rule-error";
    public const string InvalidInput = "invalid-input";
}
