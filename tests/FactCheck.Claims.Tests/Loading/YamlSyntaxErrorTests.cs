using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The syntax mistakes editors make in claims files are said in their words, at the place of the mistake, with the
/// fix, instead of in the YAML specification's ("While scanning a plain scalar value, found invalid mapping").
/// </summary>
public sealed class YamlSyntaxErrorTests
{
    [Theory]
    [InlineData("statement: He said: yes\n", "1:19", "a ': ' inside a value that is not in quotes", "put the whole value in double quotes")]
    [InlineData("statement: x\n  note: y\n", "2:7", "a ': ' inside a value that is not in quotes, or a line indented further", "line the key up")]
    [InlineData("statement: \"unterminated\n", "1:12", "a quoted value is never closed", "add the closing quote mark")]
    [InlineData("statement: \"unterminated\nnote: x\n", "1:12", "a quoted value is not closed on its line", "add the closing quote mark")]
    [InlineData("claim:\n\tstatement: x\n", "2:1", "a tab in the indentation", "indent with spaces only")]
    [InlineData("claim:\n  id: a\n\n\tstatement: x\n", "4:1", "a tab in the indentation", "indent with spaces only")]
    [InlineData("claim:\r\n  id: a\r\n\r\n\tstatement: x\r\n", "4:1", "a tab in the indentation", "indent with spaces only")]
    [InlineData("statement: @handle said so\n", "1:12", "a value cannot start with '@', '`' or '%'", "put the value in double quotes")]
    [InlineData("statement: `code`\n", "1:12", "a value cannot start with '@', '`' or '%'", "put the value in double quotes")]
    [InlineData("statement: & more\n", "1:12", "a value cannot start with '&' or '*'", "put the value in double quotes")]
    [InlineData("statement: !<x\n", "1:12", "a value cannot start with '!'", "put the value in double quotes")]
    [InlineData("statement: \"a \\q b\"\n", "1:12", "a backslash in a \"...\" value starts an escape YAML does not know", "write a backslash as \\\\")]
    [InlineData("claim:\n  statement: \"x\ny\"\n", "2:14", "a quoted value is not closed on its line", "indent the value's next lines")]
    [InlineData("a: 1\nclaim:\n  b: 2\n\n  # note\n\tstatement: x\n", "6:1", "a tab in the indentation", "indent with spaces only")]
    [InlineData("statement: \"No\" he said\n", "1:17", "text after the closing quote mark of a quoted value", "writing the quote marks inside it as \\\"")]
    [InlineData("note: 'it's not'\n", "1:11", "text after the closing quote mark of a quoted value", "writing an apostrophe inside '...' twice: 'it''s'")]
    [InlineData("- \"No\" he said\n", "1:8", "text after the closing quote mark of a quoted value", "writing the quote marks inside it as \\\"")]
    public void A_common_mistake_gets_its_own_message_and_fix(string yaml, string at, string message, string help)
    {
        var diagnostics = new List<Diagnostic>();

        YamlTreeReader.Read(yaml, "x.yaml", diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal($"x.yaml:{at}", $"{error.Location.File}:{error.Location.Line}:{error.Location.Column}");
        Assert.Equal("yaml-syntax", error.Code);
        Assert.StartsWith($"YAML syntax error: {message}", error.Message, StringComparison.Ordinal);
        Assert.Contains(help, error.Help, StringComparison.Ordinal);
        Assert.EndsWith("the rest of this file was not read", error.Help, StringComparison.Ordinal);
        Assert.DoesNotContain("While scanning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_value_followed_by_a_comment_or_a_new_key_is_not_mistaken_for_text_after_it()
    {
        var diagnostics = new List<Diagnostic>();

        YamlTreeReader.Read("a: \"No\" # he said\nb: 'yes'\n", "x.yaml", diagnostics);
        Assert.Empty(diagnostics);

        // A line indented wrongly after a quoted value is an indentation problem, not text after the quote.
        YamlTreeReader.Read("a: \"No\"\n - b\n", "x.yaml", diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.DoesNotContain("closing quote", error.Message, StringComparison.Ordinal);
    }
}
