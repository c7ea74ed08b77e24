namespace FactCheck.Report;

/// <summary>
/// How the findings of <see cref="HeadRunId"/> differ from those of <see cref="BaseRunId"/>, matched by
/// fingerprint: new (only in head), fixed (only in base, listed as they were in base) and unchanged (in both,
/// listed as they are in head).
/// </summary>
/// <param name="BaseRunId">Null when head is the first run, or when the base came from another report file.</param>
public sealed record RunDiff(
    long? BaseRunId,
    long HeadRunId,
    IReadOnlyList<ReportedFinding> New,
    IReadOnlyList<ReportedFinding> Fixed,
    IReadOnlyList<ReportedFinding> Unchanged)
{
    /// <summary>Splits two lists of findings by fingerprint.</summary>
    public static RunDiff Compute(long? baseRunId, long headRunId, IEnumerable<ReportedFinding> baseFindings, IEnumerable<ReportedFinding> headFindings)
    {
        ArgumentNullException.ThrowIfNull(baseFindings);
        ArgumentNullException.ThrowIfNull(headFindings);

        var baseList = baseFindings as IReadOnlyList<ReportedFinding> ?? baseFindings.ToList();
        var headList = headFindings as IReadOnlyList<ReportedFinding> ?? headFindings.ToList();
        var basePrints = new HashSet<string>(baseList.Count, StringComparer.Ordinal);
        foreach (var finding in baseList)
        {
            basePrints.Add(finding.Fingerprint);
        }

        var headPrints = new HashSet<string>(headList.Count, StringComparer.Ordinal);
        var added = new List<ReportedFinding>();
        var unchanged = new List<ReportedFinding>();
        foreach (var finding in headList)
        {
            headPrints.Add(finding.Fingerprint);
            (basePrints.Contains(finding.Fingerprint) ? unchanged : added).Add(finding);
        }

        var fixedOnes = baseList.Where(f => !headPrints.Contains(f.Fingerprint)).ToList();
        return new RunDiff(baseRunId, headRunId, added, fixedOnes, unchanged);
    }
}
