using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FactCheck.Report;

/// <summary>
/// The result of a read-only query: column names and rows. Cell values are what SQLite holds:
/// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="T:byte[]"/> or null.
/// </summary>
/// <param name="Truncated">True when the row limit cut the result short.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Truncated)
{
    /// <summary>RFC 4180 CSV with a header line; line ends are \n.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns.Select(EscapeCsv)).Append('\n');
        foreach (var row in Rows)
        {
            text.AppendJoin(',', row.Select(value => EscapeCsv(Format(value)))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A JSON array with one object per row, keyed by column name.</summary>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartArray();
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(Columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case long l: json.WriteNumberValue(l); break;
                        case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                        case byte[] b: json.WriteBase64StringValue(b); break;
                        case var other: json.WriteStringValue(Format(other)); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A plain-text table for a terminal: header, rule, rows; NULL shows as an empty cell.</summary>
    public string ToTable()
    {
        var cells = Rows.Select(row => row.Select(value => Format(value).ReplaceLineEndings(" ")).ToArray()).ToList();
        var widths = Columns.Select((name, i) => Math.Max(name.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendLine(text, Columns.ToArray(), widths);
        text.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in cells)
        {
            AppendLine(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] values, int[] widths)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append("  ");
            }

            text.Append(i == values.Length - 1 ? values[i] : values[i].PadRight(widths[i]));
        }

        text.Append('\n');
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        byte[] bytes => Convert.ToHexStringLower(bytes),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string EscapeCsv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
