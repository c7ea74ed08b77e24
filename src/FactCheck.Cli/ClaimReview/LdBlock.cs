using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// One JSON-LD text: a whole .json/.jsonld file, or the body of one <c>&lt;script type="application/ld+json"&gt;</c> of an
/// HTML page, with where it starts in its file so positions inside it are the file's own.
/// </summary>
/// <param name="file">The file as the user named it (for messages).</param>
/// <param name="utf8">The JSON text.</param>
/// <param name="line">The 1-based line of the file the text starts on.</param>
/// <param name="column">The 1-based column it starts at on that line.</param>
internal sealed class LdBlock(string file, byte[] utf8, int line, int column)
{
    public string File { get; } = file;

    public byte[] Utf8 { get; } = utf8;

    public int Line { get; } = line;

    public int Column { get; } = column;

    // The last position worked out: values are asked for in document order, so each scan starts where the last ended
    // (positions of many values on one minified line would otherwise cost the square of its length).
    private (int Offset, int Lines, int Column) _last;

    /// <summary>The file position of a byte offset in the text: lines and columns count characters, as editors do.</summary>
    public Location At(long offset)
    {
        var end = (int)Math.Clamp(offset, 0, Utf8.Length);
        var (i, lines, column) = end >= _last.Offset ? _last : (0, 0, 0);
        for (; i < end; i++)
        {
            var b = Utf8[i];
            if (b == (byte)'\n')
            {
                lines++;
                column = 0;
            }
            else if ((b & 0xC0) != 0x80)
            {
                column++; // a character's first byte
            }
        }

        _last = (end, lines, column);
        return lines == 0 ? new Location(File, Line, Column + column) : new Location(File, Line + lines, column + 1);
    }

    /// <summary>The position System.Text.Json's reader gives (0-based line of the text, byte in that line).</summary>
    public Location At(long line, long byteInLine)
    {
        var offset = 0;
        for (var seen = 0L; seen < line && offset < Utf8.Length; offset++)
        {
            if (Utf8[offset] == (byte)'\n') seen++;
        }

        return At(offset + byteInLine);
    }
}
