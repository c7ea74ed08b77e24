using System.Buffers.Binary;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// A 64-bit checksum of a snapshot file's bytes, taken eight at a time as they are written, in pieces of any size, and
/// of the whole file when it is read: a damaged byte anywhere changes it. Not a defence against a file forged in the
/// user's own cache folder, which the reader's bounds checks still keep from crashing a run.
/// </summary>
internal sealed class Checksum64
{
    private const ulong Multiplier = 0xFF51AFD7ED558CCDUL;

    private ulong _h = 0x9E3779B97F4A7C15UL;
    private long _length;
    private ulong _carry;
    private int _carried;

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var checksum = new Checksum64();
        checksum.Append(bytes);
        return checksum.Value;
    }

    public ulong Value
    {
        get
        {
            var h = _carried > 0 ? Mix(_h, _carry) : _h;
            h ^= (ulong)_length;
            h *= Multiplier;
            return h ^ (h >> 33);
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _length += bytes.Length;
        while (_carried > 0 && bytes.Length > 0)
        {
            Carry(bytes[0]);
            bytes = bytes[1..];
        }

        var whole = bytes.Length & ~7;
        for (var i = 0; i < whole; i += 8) _h = Mix(_h, BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
        foreach (var b in bytes[whole..]) Carry(b);
    }

    private void Carry(byte b)
    {
        _carry |= (ulong)b << (8 * _carried);
        if (++_carried < 8) return;
        _h = Mix(_h, _carry);
        (_carry, _carried) = (0, 0);
    }

    private static ulong Mix(ulong h, ulong word) => ((h ^ word) * Multiplier) + 0xC4CEB9FE1A85EC53UL;
}
