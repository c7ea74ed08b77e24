using System.Text;
using System.Text.Json;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

public sealed class JsonOutputTests
{
    [Fact]
    public void Streamed_in_pieces_the_text_is_what_one_piece_would_be()
    {
        // Multi-byte characters at every offset, so that some flush splits a UTF-8 sequence between writes.
        var values = Enumerable.Range(0, 20_000).Select(i => new string('x', i % 7) + $"é€😀 {i}").ToArray();
        using var streamed = new StringWriter();
        JsonOutput.Write(streamed, json =>
        {
            json.WriteStartArray();
            foreach (var v in values)
            {
                json.WriteStringValue(v);
                JsonOutput.FlushIfLarge(json);
            }

            json.WriteEndArray();
        });

        using var whole = new MemoryStream();
        using (var json = new Utf8JsonWriter(whole, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartArray();
            foreach (var v in values) json.WriteStringValue(v);
            json.WriteEndArray();
        }

        var text = streamed.ToString();
        Assert.True(text.Length > 300_000, "the output must span many flushes");
        Assert.Equal(Encoding.UTF8.GetString(whole.ToArray()) + "\n", text);
    }
}
