using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Output;

/// <summary>
/// Everything <c>factcheck check</c> has to say, independent of the output format. Formatters turn it into
/// text, JSON, SARIF or GitHub workflow commands; the same outcome gives byte-identical output.
/// </summary>
/// <param name="Rules">The rules that ran, in id order.</param>
/// <param name="Findings">Findings sorted by file, line, column, rule id.</param>
/// <param name="Suppressed">Findings hidden by <c>ignore:</c> entries (reported in JSON, not failing).</param>
/// <param name="InputErrors">Invalid claims or rules; when present, no rule ran.</param>
/// <param name="RuleErrors">Rules that failed at run time on some facts.</param>
/// <param name="FailOn">The threshold; null for <c>never</c>.</param>
/// <param name="ExitCode">See <see cref="ExitCodes"/>.</param>
public sealed record CheckOutcome(
    string ToolVersion,
    IReadOnlyList<RuleInfo> Rules,
    IReadOnlyList<CheckedFinding> Findings,
    IReadOnlyList<CheckedFinding> Suppressed,
    IReadOnlyList<Diagnostic> InputErrors,
    IReadOnlyList<RuleError> RuleErrors,
    int ClaimCount,
    int SourceCount,
    RuleSeverity? FailOn,
    bool HasBaseline,
    int ExitCode);
