namespace FactCheck.Report.Internal;

/// <summary>Refuses run data the schema could not hold faithfully, before anything is written.</summary>
internal static class RunValidator
{
    public static void Validate(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Require(!string.IsNullOrWhiteSpace(run.ToolVersion), "the tool version is empty");
        Require(run.FinishedAt >= run.StartedAt, "the run finished before it started");

        Unique(run.Sources, s => s.Id, "source");
        foreach (var source in run.Sources)
        {
            Require(!string.IsNullOrEmpty(source.Kind), $"source '{source.Id}' has no kind");
        }

        Unique(run.Claims, c => c.Id, "claim");
        foreach (var claim in run.Claims)
        {
            Require(claim.Statement is not null, $"claim '{claim.Id}' has no statement");
            Require(!string.IsNullOrEmpty(claim.Status), $"claim '{claim.Id}' has no review status");
        }

        foreach (var appearance in run.Appearances)
        {
            Require(!string.IsNullOrEmpty(appearance.ClaimId) && !string.IsNullOrEmpty(appearance.SourceId), "an appearance lacks its claim or source id");
            Require(
                AttributionKinds.All.Contains(appearance.Attribution, StringComparer.Ordinal),
                $"appearance of claim '{appearance.ClaimId}' in '{appearance.SourceId}' has attribution '{appearance.Attribution}' (expected one of {string.Join(", ", AttributionKinds.All)})");
        }

        foreach (var citation in run.Citations)
        {
            Require(!string.IsNullOrEmpty(citation.ClaimId) && citation.CitedAs is not null, "a citation lacks its claim id or its wording");
        }

        Unique(run.Rules, r => r.Id, "rule");
        foreach (var rule in run.Rules)
        {
            Require(!string.IsNullOrEmpty(rule.Severity), $"rule '{rule.Id}' has no severity");
        }

        foreach (var finding in run.Findings)
        {
            Require(!string.IsNullOrEmpty(finding.RuleId), "a finding has no rule id");
            Require(!string.IsNullOrEmpty(finding.Severity) && finding.Message is not null, $"a finding of '{finding.RuleId}' lacks its severity or message");
            Require(finding.ClaimIds is not null && finding.SourceIds is not null, $"a finding of '{finding.RuleId}' has null claim or source ids (use empty lists)");
        }

        foreach (var error in run.Errors)
        {
            Require(!string.IsNullOrEmpty(error.Kind) && error.Message is not null, "a run error lacks its kind or message");
        }
    }

    private static void Unique<T>(IReadOnlyList<T> items, Func<T, string> id, string what)
    {
        var seen = new HashSet<string>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            Require(!string.IsNullOrEmpty(key), $"a {what} has an empty id");
            Require(seen.Add(key), $"{what} id '{key}' appears twice");
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ReportException($"The run cannot be recorded: {problem}. Nothing was written.");
        }
    }
}
