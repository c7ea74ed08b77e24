using FactCheck.Cli.Output;
using FactCheck.Report;

namespace FactCheck.Cli.Checking;

/// <summary>
/// The rules ran but the report could not record the run: the outcome is still written (findings, SARIF), so CI
/// keeps them, and then the command fails with the report's error.
/// </summary>
public sealed class ReportNotRecordedException(CheckOutcome outcome, ReportException error) : Exception(error.Message, error)
{
    public CheckOutcome Outcome { get; } = outcome;
}
