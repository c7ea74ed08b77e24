using System.Text;
using System.Text.Json;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

public sealed class ReadableJsonEncoderTests
{
    [Theory]
    [InlineData("plain “quotes” «Ça» 中文", -1)]
    [InlineData("ab\u202ecd", 2)]
    [InlineData("é\u2066", 1)]
    [InlineData("x\u061c", 1)]
    [InlineData("\u001b", 0)]
    [InlineData("say \"hi\"", 4)]
    public void Finds_the_first_character_to_escape_in_text_and_in_UTF8(string text, int chars)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expectedBytes = chars < 0 ? -1 : Encoding.UTF8.GetByteCount(text[..chars]);
        Assert.Equal(expectedBytes, ReadableJsonEncoder.Instance.FindFirstCharacterToEncodeUtf8(utf8));
        Assert.Equal(chars < 0 ? text : null, chars < 0 ? ReadableJsonEncoder.Instance.Encode(text) : null);
    }

    [Fact]
    public void Writes_readable_text_with_bidi_and_controls_escaped_from_strings_and_bytes()
    {
        var text = "«Ça» \"q\" \u202eevil\u2069 \u001b[2J";
        foreach (var fromBytes in new[] { false, true })
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ReadableJsonEncoder.Instance }))
            {
                if (fromBytes) json.WriteStringValue(Encoding.UTF8.GetBytes(text));
                else json.WriteStringValue(text);
            }

            var written = Encoding.UTF8.GetString(stream.ToArray());
            Assert.Equal("\"«Ça» \\\"q\\\" \\u202Eevil\\u2069 \\u001B[2J\"", written);
            Assert.Equal(text, JsonDocument.Parse(written).RootElement.GetString());
        }
    }
}
