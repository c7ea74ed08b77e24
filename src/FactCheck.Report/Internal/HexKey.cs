using System.Buffers;
using System.Runtime.CompilerServices;

namespace FactCheck.Report.Internal;

/// <summary>
/// How fingerprints and claim digests are stored (schema version 3 on): a value that is 32 or 64 lower-case
/// hex digits, as <see cref="Fingerprint"/> and <see cref="ContentDigest"/> make them, is stored as the 16 or 32
/// bytes it spells (a BLOB, half the size, in the table and in its index); any other value (a caller's own
/// fingerprint) is stored as the TEXT it is. Reading turns a BLOB back into the same lower-case hex, so the
/// round trip is exact and equality in SQL stays equality of the values.
/// </summary>
internal static class HexKey
{
    /// <summary>True when <paramref name="value"/> is stored as bytes; they are written to <paramref name="bytes"/> (at least 32 long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryPack(string value, Span<byte> bytes, out int length)
    {
        length = value.Length / 2;
        if ((value.Length != 32 && value.Length != 64) || !IsLowerHex(value))
        {
            return false;
        }

        Convert.FromHexString(value, bytes[..length], out _, out _);
        return true;
    }

    public static string Unpack(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Whether every character is a lower-case hex digit (vectorised: this runs per claim and per finding).</summary>
    private static bool IsLowerHex(string value) => !value.AsSpan().ContainsAnyExcept(LowerHexDigits);

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");
}
