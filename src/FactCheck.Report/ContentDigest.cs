using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Report;

/// <summary>SHA-256 digests (lower-case hex) of canonical content strings: claim contents, whole runs.</summary>
public static class ContentDigest
{
    /// <summary>Digest of a canonical content string the caller built.</summary>
    public static string Compute(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Digest of several fields; null and empty differ, and field boundaries count.</summary>
    public static string Compute(params IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            // U+001F (unit separator) cannot appear in YAML scalars FactCheck accepts; \0 marks null.
            text.Append(field is null ? "\0" : field.Replace("\u001f", "\u001f\u001f", StringComparison.Ordinal)).Append('\u001f');
        }

        return Compute(text.ToString());
    }

    /// <summary>The default digest of a claim's content when the caller supplies none.</summary>
    public static string ForClaim(string statement, string? claimant) => Compute(["claim/1", statement, claimant]);
}
