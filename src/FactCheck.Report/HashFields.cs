using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Report;

/// <summary>Hashes length-prefixed UTF-8 fields, so that ("ab","c") and ("a","bc") differ.</summary>
internal static class HashFields
{
    /// <summary>One-shot SHA-256 of the fields, as lower-case hex cut to <paramref name="hexLength"/> digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per claim and per finding: no slow first tier
    public static string Digest(ReadOnlySpan<string?> fields, int hexLength)
    {
        var size = 0;
        foreach (var field in fields)
        {
            size += 4 + (field is null ? 0 : Encoding.UTF8.GetMaxByteCount(field.Length));
        }

        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var used = 0;
        foreach (var field in fields)
        {
            used += Write(buffer[used..], field);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..used], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..(hexLength / 2)]);
    }

    /// <summary>The buffer <see cref="DigestMany"/> reuses on this thread (it is called once per claim).</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>SHA-256 (64 hex digits) of many fields, gathered in one buffer and hashed once.</summary>
    public static string DigestMany(IEnumerable<string?> fields)
    {
        // A fresh 64 KB buffer per claim was 6.4 GB of allocation for 100,000 claims (and the collections that
        // came with it paused the rules running beside): one buffer per thread, grown as needed, is reused.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        foreach (var field in fields)
        {
            Add(buffer, field);
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
        // Not kept when a huge content made it large.
        if (buffer.Capacity <= 1 << 20) t_buffer = buffer;
        return digest;
    }

    /// <summary>Appends one field to a buffer that <see cref="DigestMany"/> would hash the same way.</summary>
    public static void Add(ArrayBufferWriter<byte> buffer, string? field)
    {
        var span = buffer.GetSpan(4 + (field is null ? 0 : Encoding.UTF8.GetMaxByteCount(field.Length)));
        buffer.Advance(Write(span, field));
    }

    /// <summary>Appends a number as the field <see cref="Add"/> would write for its invariant text (null: a null field), without the string.</summary>
    public static void Add(ArrayBufferWriter<byte> buffer, int? value)
    {
        if (value is not { } number)
        {
            Add(buffer, (string?)null);
            return;
        }

        var span = buffer.GetSpan(4 + 11);
        number.TryFormat(span[4..], out var count, default, CultureInfo.InvariantCulture);
        BinaryPrimitives.WriteInt32LittleEndian(span, count);
        buffer.Advance(4 + count);
    }

    public static void Append(IncrementalHash hash, string? value)
    {
        var max = 4 + (value is null ? 0 : Encoding.UTF8.GetMaxByteCount(value.Length));
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        hash.AppendData(buffer[..Write(buffer, value)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Write(Span<byte> buffer, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, -1);
            return 4;
        }

        var count = Encoding.UTF8.GetBytes(value, buffer[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer, count);
        return 4 + count;
    }
}
