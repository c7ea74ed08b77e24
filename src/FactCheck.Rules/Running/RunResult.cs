namespace FactCheck.Rules.Running;

/// <summary>
/// The outcome of running a rule pack on a claim set: findings (sorted, deduplicated), the findings
/// that suppressions hid, and rule errors, which are not findings but fail the run.
/// </summary>
public sealed record RunResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Suppressed,
    IReadOnlyList<RuleError> Errors,
    int FactCount,
    int Firings);
