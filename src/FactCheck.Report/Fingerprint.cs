using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per finding: no slow first tier
    public static string Compute(string ruleId, IEnumerable<string> factKeys)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentNullException.ThrowIfNull(factKeys);

        // Sorted, then duplicates skipped: no set is built for the one or two keys a finding usually has.
        var keys = factKeys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var fields = new string?[keys.Length + 2];
        fields[0] = Scheme;
        fields[1] = ruleId;
        var count = 2;
        for (var i = 0; i < keys.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(keys[i], nameof(factKeys));
            if (i == 0 || !string.Equals(keys[i], keys[i - 1], StringComparison.Ordinal))
            {
                fields[count++] = keys[i];
            }
        }

        return HashFields.Digest(fields.AsSpan(0, count), Length);
    }

    /// <summary>The default fingerprint of a finding: its rule plus the claims and sources it concerns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ForFinding(string ruleId, IReadOnlyCollection<string> claimIds, IReadOnlyCollection<string> sourceIds)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        ArgumentNullException.ThrowIfNull(sourceIds);
        var keys = new string[claimIds.Count + sourceIds.Count];
        var i = 0;
        foreach (var id in claimIds)
        {
            keys[i++] = "claim:" + id;
        }

        foreach (var id in sourceIds)
        {
            keys[i++] = "source:" + id;
        }

        return Compute(ruleId, keys);
    }
}
