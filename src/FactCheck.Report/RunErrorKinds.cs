namespace FactCheck.Report;

/// <summary>The kinds of <see cref="ReportRunError"/>.</summary>
public static class RunErrorKinds
{
    public const string RuleError = "rule-error";
    public const string InvalidInput = "invalid-input";

    /// <summary>A rule stopped by one of the run's limits (firings, partial matches, text built): the run is failed.</summary>
    public const string Limit = "limit";
}
