namespace FactCheck.Report;

/// <summary>
/// The stable identity of a finding across runs: a hash of the rule id and the identities of the facts it
/// concerns. Message text, severity and positions stay out, so rewording a message or moving a claim down
/// the file keeps the fingerprint, and a baseline keeps matching.
/// </summary>
public static class Fingerprint
{
    /// <summary>Hex digits kept of the SHA-256 (128 bits: collisions are not a practical concern).</summary>
    public const int Length = 32;

    private const string Scheme = "factcheck-fingerprint/1";

    /// <summary>
    /// Hash of <paramref name="ruleId"/> and <paramref name="factKeys"/>. The keys are sorted (ordinal) and
    /// de-duplicated first, so their order does not matter.
    /// </summary>
    public static string Compute(string ruleId, IEnumerable<string> factKeys)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentNullException.ThrowIfNull(factKeys);

        var keys = factKeys.Distinct(StringComparer.Ordinal).ToList();
        keys.Sort(StringComparer.Ordinal);
        keys.InsertRange(0, [Scheme, ruleId]);
        return HashFields.Digest(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys)!, Length);
    }

    /// <summary>The default fingerprint of a finding: its rule plus the claims and sources it concerns.</summary>
    public static string ForFinding(string ruleId, IReadOnlyCollection<string> claimIds, IReadOnlyCollection<string> sourceIds)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        ArgumentNullException.ThrowIfNull(sourceIds);
        var keys = new List<string>(claimIds.Count + sourceIds.Count);
        foreach (var id in claimIds)
        {
            keys.Add("claim:" + id);
        }

        foreach (var id in sourceIds)
        {
            keys.Add("source:" + id);
        }

        return Compute(ruleId, keys);
    }
}
