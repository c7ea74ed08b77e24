using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Report;

/// <summary>SHA-256 digests (lower-case hex) of content: claim contents, whole runs.</summary>
public static class ContentDigest
{
    /// <summary>Hex digits kept of a claim's digest: 128 bits tell versions apart and keep the report small.</summary>
    public const int ClaimDigestLength = 32;

    /// <summary>Digest of a canonical content string the caller built (64 hex digits).</summary>
    public static string Compute(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Digest of several fields (64 hex digits); null and empty differ, and field boundaries count.</summary>
    public static string Compute(params IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return HashFields.DigestMany(fields);
    }

    /// <summary>The default digest of a claim's content when the caller supplies none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per claim: no slow first tier
    public static string ForClaim(string statement, string? claimant) =>
        HashFields.Digest(["claim/1", statement, claimant], ClaimDigestLength);
}
