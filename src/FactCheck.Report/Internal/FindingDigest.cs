using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace FactCheck.Report.Internal;

/// <summary>
/// What makes two runs' findings the same one (schema version 5): rule, severity, message, file, line, column,
/// fingerprint and the distinct claims and sources (sorted: the link tables keep sets), as the first 128 bits of a
/// SHA-256 of length-prefixed fields. A run whose finding has the digest of one in the latest run links to that row
/// instead of writing it again.
/// </summary>
internal static class FindingDigest
{
    private const string Scheme = "finding/1";

    /// <summary>The buffer reused on this thread (called once per finding).</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static UInt128 Compute(ReportFinding finding, string fingerprint)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        HashFields.Add(buffer, Scheme);
        HashFields.Add(buffer, finding.RuleId);
        HashFields.Add(buffer, finding.Severity);
        HashFields.Add(buffer, finding.Message);
        HashFields.Add(buffer, finding.File);
        HashFields.Add(buffer, finding.Line);
        HashFields.Add(buffer, finding.Column);
        HashFields.Add(buffer, fingerprint);
        AddSet(buffer, finding.ClaimIds);
        AddSet(buffer, finding.SourceIds);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 1 << 20) t_buffer = null; // not kept when a huge message made it large
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    /// <summary>The 16 bytes stored in finding_contents.digest.</summary>
    public static void Write(UInt128 digest, Span<byte> bytes) => BinaryPrimitives.WriteUInt128BigEndian(bytes, digest);

    public static UInt128 Read(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt128BigEndian(bytes);

    /// <summary>A count, then the ids sorted and without repeats (one or two ids, most findings' sets, need no sort nor set).</summary>
    private static void AddSet(ArrayBufferWriter<byte> buffer, IReadOnlyList<string> ids)
    {
        if (ids.Count == 1)
        {
            HashFields.Add(buffer, 1);
            HashFields.Add(buffer, ids[0]);
            return;
        }

        if (ids.Count == 2)
        {
            var order = string.CompareOrdinal(ids[0], ids[1]);
            HashFields.Add(buffer, order == 0 ? 1 : 2);
            HashFields.Add(buffer, order <= 0 ? ids[0] : ids[1]);
            if (order != 0) HashFields.Add(buffer, order < 0 ? ids[1] : ids[0]);
            return;
        }

        var sorted = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        HashFields.Add(buffer, sorted.Length);
        foreach (var id in sorted) HashFields.Add(buffer, id);
    }
}
