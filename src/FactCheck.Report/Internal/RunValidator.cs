using System.Diagnostics.CodeAnalysis;

namespace FactCheck.Report.Internal;

/// <summary>Refuses run data the schema could not hold faithfully, before anything is written.</summary>
/// <remarks>
/// Runs hold hundreds of thousands of rows: every check is a plain test, and its message is built only when
/// it fails (an interpolated message per row cost more than writing the row).
/// </remarks>
internal static class RunValidator
{
    /// <summary>The run's sources, claims, appearances and citations (what it read).</summary>
    public static void ValidateInputs(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Unique(run.Sources, s => s.Id, "source");
        foreach (var source in run.Sources)
        {
            if (string.IsNullOrEmpty(source.Kind))
            {
                Fail($"source '{source.Id}' has no kind");
            }
        }

        Unique(run.Claims, c => c.Id, "claim");
        foreach (var claim in run.Claims)
        {
            if (claim.Statement is null)
            {
                Fail($"claim '{claim.Id}' has no statement");
            }

            if (string.IsNullOrEmpty(claim.Status))
            {
                Fail($"claim '{claim.Id}' has no review status");
            }
        }

        foreach (var appearance in run.Appearances)
        {
            if (string.IsNullOrEmpty(appearance.ClaimId) || string.IsNullOrEmpty(appearance.SourceId))
            {
                Fail("an appearance lacks its claim or source id");
            }

            if (!IsAttributionKind(appearance.Attribution))
            {
                Fail($"appearance of claim '{appearance.ClaimId}' in '{appearance.SourceId}' has attribution '{appearance.Attribution}' (expected one of {string.Join(", ", AttributionKinds.All)})");
            }
        }

        foreach (var citation in run.Citations)
        {
            if (string.IsNullOrEmpty(citation.ClaimId) || citation.CitedAs is null)
            {
                Fail("a citation lacks its claim id or its wording");
            }
        }
    }

    /// <summary>The rest of the run: tool version, times, rules, findings and errors.</summary>
    public static void ValidateResults(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (string.IsNullOrWhiteSpace(run.ToolVersion))
        {
            Fail("the tool version is empty");
        }

        if (run.FinishedAt < run.StartedAt)
        {
            Fail("the run finished before it started");
        }

        Unique(run.Rules, r => r.Id, "rule");
        foreach (var rule in run.Rules)
        {
            if (string.IsNullOrEmpty(rule.Severity))
            {
                Fail($"rule '{rule.Id}' has no severity");
            }
        }

        foreach (var finding in run.Findings)
        {
            if (string.IsNullOrEmpty(finding.RuleId))
            {
                Fail("a finding has no rule id");
            }

            if (string.IsNullOrEmpty(finding.Severity) || finding.Message is null)
            {
                Fail($"a finding of '{finding.RuleId}' lacks its severity or message");
            }

            if (finding.ClaimIds is null || finding.SourceIds is null)
            {
                Fail($"a finding of '{finding.RuleId}' has null claim or source ids (use empty lists)");
            }
        }

        foreach (var error in run.Errors)
        {
            if (string.IsNullOrEmpty(error.Kind) || error.Message is null)
            {
                Fail("a run error lacks its kind or message");
            }
        }
    }

    private static bool IsAttributionKind(string? attribution) => attribution is
        AttributionKinds.DirectQuote or AttributionKinds.Paraphrase or AttributionKinds.Reported or AttributionKinds.Unattributed;

    private static void Unique<T>(IReadOnlyList<T> items, Func<T, string> id, string what)
    {
        var seen = new HashSet<string>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (string.IsNullOrEmpty(key))
            {
                Fail($"a {what} has an empty id");
            }

            if (!seen.Add(key))
            {
                Fail($"{what} id '{key}' appears twice");
            }
        }
    }

    [DoesNotReturn]
    private static void Fail(string problem) =>
        throw new ReportException($"The run cannot be recorded: {problem}. Nothing was written.");
}
