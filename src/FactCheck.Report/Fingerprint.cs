using System.Security.Cryptography;
using System.Text;

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

        var keys = factKeys.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(keys, StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, Scheme);
        AppendField(hash, ruleId);
        foreach (var key in keys)
        {
            AppendField(hash, key);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Length];
    }

    /// <summary>The default fingerprint of a finding: its rule plus the claims and sources it concerns.</summary>
    public static string ForFinding(string ruleId, IEnumerable<string> claimIds, IEnumerable<string> sourceIds) =>
        Compute(ruleId, claimIds.Select(id => "claim:" + id).Concat(sourceIds.Select(id => "source:" + id)));

    // Length-prefixed so that ("ab","c") and ("a","bc") hash differently.
    private static void AppendField(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
