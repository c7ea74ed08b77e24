using System.Globalization;
using System.Text;
using System.Text.Json;
using FactCheck.Report;
using Wcwidth;

namespace FactCheck.Cli.Output;

/// <summary>
/// <c>factcheck query</c>'s formats. Cells print the same way in all three: NULL as nothing (JSON null),
/// integers and reals invariant, blobs (fingerprints, digests) as lowercase hex, as <c>check</c> prints them.
/// </summary>
internal static class QueryFormatter
{
    public const string Table = "table";
    public const string Csv = "csv";
    public const string Json = "json";

    public static void Write(QueryResult result, string format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case Csv: WriteCsv(result, writer); break;
            case Json: WriteJson(result, writer); break;
            default: WriteTable(result, writer); break;
        }
    }

    /// <summary>
    /// A table for a terminal: header, dashes, rows, two spaces between columns, NULL as an empty cell. Widths
    /// are terminal columns (Wcwidth, the table Spectre.Console itself measures with): a CJK character or an
    /// emoji takes two, a combining accent none, so wide text stays aligned. Cells are escaped first
    /// (<see cref="TerminalText"/>): a value cannot move the cursor or add a row.
    /// </summary>
    /// <remarks>
    /// Laid out here rather than by Spectre.Console's Table: on 50,000 rows of three columns that took 7.3-9.2 s
    /// and 370-500 MB against 1.0 s and 70 MB (2-core machine, shared and loaded; two runs each).
    /// </remarks>
    public static void WriteTable(QueryResult result, TextWriter writer)
    {
        if (result.Columns.Count == 0) return;
        var header = result.Columns.Select(c => TerminalText.Escape(c)).ToArray();
        var rows = new string[result.Rows.Count][];
        var widths = header.Select(DisplayWidth).ToArray();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = result.Rows[r];
            var cells = rows[r] = new string[header.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = TerminalText.Escape(Format(row[i]));
                widths[i] = Math.Max(widths[i], DisplayWidth(cells[i]));
            }
        }

        var text = new StringBuilder();
        AppendRow(text, header, widths);
        text.AppendJoin("  ", widths.Select(w => new string('-', Math.Max(1, w)))).Append('\n');
        foreach (var cells in rows)
        {
            AppendRow(text, cells, widths);
            if (text.Length <= 64 * 1024) continue;
            writer.Write(text);
            text.Clear();
        }

        writer.Write(text);
    }

    /// <summary>Terminal columns <paramref name="text"/> takes; its controls are already escaped.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value < 0x7f ? 1 : Math.Max(0, UnicodeCalculator.GetWidth(rune));
        }

        return width;
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        // Padding only before a cell that has text: no trailing blanks after the last one.
        var pending = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) pending += 2;
            if (cells[i].Length == 0)
            {
                pending += widths[i];
                continue;
            }

            text.Append(' ', pending).Append(cells[i]);
            pending = widths[i] - DisplayWidth(cells[i]);
        }

        text.Append('\n');
    }

    /// <summary>
    /// RFC 4180 CSV with a header line and <c>\n</c> line ends. A text cell that a spreadsheet would run as a
    /// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading <c>'</c>
    /// (OWASP's advice); numbers stay numbers.
    /// </summary>
    public static void WriteCsv(QueryResult result, TextWriter writer)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', result.Columns.Select(c => CsvCell(c))).Append('\n');
        foreach (var row in result.Rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0) text.Append(',');
                text.Append(row[i] is string s ? CsvCell(s) : CsvQuote(Format(row[i])));
            }

            text.Append('\n');
            if (text.Length <= 64 * 1024) continue;
            writer.Write(text);
            text.Clear();
        }

        writer.Write(text);
    }

    /// <summary>A text cell: neutralised if it could start a formula, then quoted if it must be.</summary>
    public static string CsvCell(string value)
    {
        var neutral = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return CsvQuote(neutral);
    }

    private static string CsvQuote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// An array of one object per row, keyed by column name, ending with a newline. Written with the same
    /// relaxed encoder as <c>check --format json</c>: quotes as <c>\"</c> and text in any script as itself,
    /// while control characters (and so ESC) are still <c>\u001B</c>-style escapes.
    /// </summary>
    public static void WriteJson(QueryResult result, TextWriter writer) => JsonOutput.Write(writer, json =>
    {
        json.WriteStartArray();
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < result.Columns.Count; i++)
            {
                json.WritePropertyName(result.Columns[i]);
                switch (row[i])
                {
                    case null: json.WriteNullValue(); break;
                    case long l: json.WriteNumberValue(l); break;
                    case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                    case var other: json.WriteStringValue(Format(other)); break;
                }
            }

            json.WriteEndObject();
            JsonOutput.FlushIfLarge(json);
        }

        json.WriteEndArray();
    });

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
