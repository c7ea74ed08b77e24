using System.Globalization;
using System.Text;

namespace FactCheck.Cli.Output;

/// <summary>
/// Makes text from the input (file names, values, quotes, messages that echo them) safe to print on a
/// terminal or in a CI log: every character that could end a line, move the cursor, recolour, ring,
/// or reorder what follows is written as a visible escape instead. A claims file named
/// <c>"x.yaml\n::error::forged"</c> prints as <c>x.yaml\n::error::forged</c> on one line.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text itself when it holds nothing to escape (the common case: no copy).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        var first = IndexOfUnsafe(text);
        if (first < 0) return text;

        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c)) AppendEscape(escaped, c);
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// C0 controls (newline, CR, tab, ESC, BEL...), DEL, C1 controls (U+0080-U+009F: U+009B is a one-byte
    /// CSI on some terminals), the line and paragraph separators, and the bidirectional formatting
    /// characters that reorder what is displayed (the "Trojan Source" set).
    /// </summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007f' && c <= '\u009f')
        || c is '\u2028' or '\u2029'
        || c is '\u061c' or '\u200e' or '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');

    public static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i])) return i;
        }

        return -1;
    }

    private static void AppendEscape(StringBuilder escaped, char c)
    {
        switch (c)
        {
            case '\n': escaped.Append("\\n"); break;
            case '\r': escaped.Append("\\r"); break;
            case '\t': escaped.Append("\\t"); break;
            case < '\u0100': escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
            default: escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
        }
    }
}
