using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// A snapshot's strings, each numbered once (claimants, files, source ids and roles recur thousands of times), written
/// as their UTF-8 bytes' end offsets and then the bytes. A string UTF-8 cannot hold as it is (a lone surrogate, which a
/// YAML escape can make) would read back as another: <see cref="Seal"/> refuses it, and no snapshot is kept.
/// </summary>
internal sealed class StringNumbers(int capacity)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, int> _numbers = new(capacity, StringComparer.Ordinal);
    private readonly List<string> _strings = new(capacity);

    /// <summary>The string's number (-1 for null).</summary>
    public int Number(string? s)
    {
        if (s is null) return -1;
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, s, out var exists);
        if (exists) return number;
        number = _strings.Count;
        _strings.Add(s);
        return number;
    }

    private int[]? _offsets;

    /// <summary>
    /// The number of a string that is (almost) never repeated, such as a claim's id or statement: numbered without
    /// a lookup (a repeat only costs its bytes twice).
    /// </summary>
    public int Unique(string s)
    {
        _strings.Add(s);
        return _strings.Count - 1;
    }

    /// <summary>Measures every string's UTF-8 bytes; false when one is not valid UTF-16 (it would read back as another) or they pass 2 GiB.</summary>
    public bool Seal()
    {
        var offsets = new int[_strings.Count + 1];
        long total = 0;
        try
        {
            for (var i = 0; i < _strings.Count; i++)
            {
                total += Strict.GetByteCount(_strings[i]);
                if (total > int.MaxValue) return false;
                offsets[i + 1] = (int)total;
            }
        }
        catch (EncoderFallbackException)
        {
            return false;
        }

        _offsets = offsets;
        return true;
    }

    /// <summary>Writes the offsets and the bytes (after <see cref="Seal"/>).</summary>
    public void Write(BinaryWriter w)
    {
        var offsets = _offsets ?? throw new InvalidOperationException("Seal first");
        w.Write(offsets.Length);
        w.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        w.Write(offsets[^1]);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (var i = 0; i < _strings.Count; i++)
            {
                var length = offsets[i + 1] - offsets[i];
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                Strict.GetBytes(_strings[i], buffer);
                w.Write(buffer, 0, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
