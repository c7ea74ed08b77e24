using System.Text.Encodings.Web;

namespace FactCheck.Cli.Output;

/// <summary>
/// The JSON encoder of every JSON FactCheck writes: <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// (quotes as <c>\"</c>, text in any script as itself; "unsafe" only inside HTML, where our JSON never goes),
/// which already escapes the C0 and C1 controls, DEL and the line separators, plus the bidirectional
/// formatting characters it lets through (<c>\u202E</c> and the like), so a quote cannot reorder what a
/// terminal shows of the file. Same characters as <see cref="TerminalText.IsUnsafe"/>.
/// </summary>
internal sealed class ReadableJsonEncoder : JavaScriptEncoder
{
    public static readonly ReadableJsonEncoder Instance = new();

    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    private ReadableJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => Relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) =>
        (unicodeScalar <= char.MaxValue && TerminalText.IsUnsafe((char)unicodeScalar)) || Relaxed.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var relaxed = Relaxed.FindFirstCharacterToEncode(text, textLength);
        var end = relaxed < 0 ? textLength : relaxed;
        for (var i = 0; i < end; i++)
        {
            if (TerminalText.IsUnsafe(text[i])) return i;
        }

        return relaxed;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var relaxed = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text);
        var prefix = relaxed < 0 ? utf8Text : utf8Text[..relaxed];

        // The characters added here are all three bytes in UTF-8 (U+061C, U+200E..U+2069): E2 80 xx / E2 81 xx / D8 9C.
        for (var i = 0; i < prefix.Length; i++)
        {
            var b = prefix[i];
            if (b is not (0xE2 or 0xD8)) continue;
            if (System.Text.Rune.DecodeFromUtf8(prefix[i..], out var rune, out _) == System.Buffers.OperationStatus.Done
                && rune.Value <= char.MaxValue && TerminalText.IsUnsafe((char)rune.Value))
            {
                return i;
            }
        }

        return relaxed;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar > char.MaxValue || !TerminalText.IsUnsafe((char)unicodeScalar) || Relaxed.WillEncode(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        // \uXXXX, upper-case hex as the relaxed encoder writes its own escapes.
        if (bufferLength < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        const string Hex = "0123456789ABCDEF";
        buffer[0] = '\\';
        buffer[1] = 'u';
        buffer[2] = Hex[(unicodeScalar >> 12) & 0xF];
        buffer[3] = Hex[(unicodeScalar >> 8) & 0xF];
        buffer[4] = Hex[(unicodeScalar >> 4) & 0xF];
        buffer[5] = Hex[unicodeScalar & 0xF];
        numberOfCharactersWritten = 6;
        return true;
    }
}
