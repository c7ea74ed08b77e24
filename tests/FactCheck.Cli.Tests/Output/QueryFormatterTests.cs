using FactCheck.Cli.Output;
using FactCheck.Report;

namespace FactCheck.Cli.Tests.Output;

public sealed class QueryFormatterTests
{
    private static string Write(QueryResult result, string format)
    {
        using var writer = new StringWriter { NewLine = "\r\n" };
        QueryFormatter.Write(result, format, writer);
        return writer.ToString();
    }

    private static readonly byte[] Fingerprint = [0x04, 0x9d, 0x00, 0xff];

    private static QueryResult Sample() => new(
        ["id", "note", "n", "fingerprint"],
        [["a", "says \"hi\", twice", 3L, Fingerprint], ["b", null, 0.25, null]],
        false);

    [Fact]
    public void Table_csv_and_json_print_the_same_cells()
    {
        Assert.Equal(
            "id  note              n     fingerprint\n--  ----------------  ----  -----------\na   says \"hi\", twice  3     049d00ff\nb                     0.25\n",
            Write(Sample(), "table"));
        Assert.Equal("id,note,n,fingerprint\na,\"says \"\"hi\"\", twice\",3,049d00ff\nb,,0.25,\n", Write(Sample(), "csv"));
        Assert.Equal(
            "[\n  {\n    \"id\": \"a\",\n    \"note\": \"says \\\"hi\\\", twice\",\n    \"n\": 3,\n    \"fingerprint\": \"049d00ff\"\n  },\n"
            + "  {\n    \"id\": \"b\",\n    \"note\": null,\n    \"n\": 0.25,\n    \"fingerprint\": null\n  }\n]\n",
            Write(Sample(), "json"));
    }

    [Fact]
    public void Json_keeps_text_readable_but_escapes_controls()
    {
        var result = new QueryResult(["q"], [["«Ça» 中文 \u001b[2J\u0007\n <b>& \u202eevil\u2066 \u009b"]], false);
        var json = Write(result, "json");
        Assert.Contains("\"«Ça» 中文 \\u001B[2J\\u0007\\n <b>& \\u202Eevil\\u2066 \\u009B\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(json, c => TerminalText.IsUnsafe(c) && c != '\n');
        Assert.Equal("«Ça» 中文 \u001b[2J\u0007\n <b>& \u202eevil\u2066 \u009b", System.Text.Json.JsonDocument.Parse(json).RootElement[0].GetProperty("q").GetString());
        Assert.EndsWith("]\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_aligns_wide_and_combining_characters_by_terminal_columns()
    {
        var result = new QueryResult(["x", "y"], [["a", 1L], ["😀中é", 2L], ["e\u0301x", 3L]], false);
        Assert.Equal("x      y\n-----  -\na      1\n😀中é  2\ne\u0301x     3\n", Write(result, "table"));
        Assert.Equal(5, QueryFormatter.DisplayWidth("😀中é"));
    }

    [Fact]
    public void An_empty_result_still_shows_its_header()
    {
        Assert.Equal("id  note\n--  ----\n", Write(new QueryResult(["id", "note"], [], false), "table"));
        Assert.Equal("id,note\n", Write(new QueryResult(["id", "note"], [], false), "csv"));
        Assert.Equal("[]\n", Write(new QueryResult(["id", "note"], [], false), "json"));
    }

    [Theory]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("\u001b]0;title\u0007\u001b[2J", "\\x1B]0;title\\x07\\x1B[2J")]
    [InlineData("cr\roverwrite", "cr\\roverwrite")]
    [InlineData("\u202eevil", "\\u202Eevil")]
    public void Table_cells_and_headers_cannot_hold_controls(string hostile, string shown)
    {
        var table = Write(new QueryResult([hostile], [[hostile]], false), "table");
        Assert.Equal(shown, table.Split('\n')[0]);
        Assert.Equal(shown, table.Split('\n')[2]);
        Assert.Equal(4, table.Split('\n').Length);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    public void Csv_text_cells_that_would_run_as_formulas_are_neutralised(string value, string cell)
    {
        Assert.Equal(cell, QueryFormatter.CsvCell(value));
        Assert.Equal($"c\n{cell}\n", Write(new QueryResult(["c"], [[value]], false), "csv"));
    }

    [Fact]
    public void Csv_numbers_stay_numbers()
    {
        Assert.Equal("n,r\n-3,-0.5\n", Write(new QueryResult(["n", "r"], [[-3L, -0.5]], false), "csv"));
    }
}
