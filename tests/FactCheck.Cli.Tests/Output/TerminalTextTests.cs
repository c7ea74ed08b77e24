using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text, “quotes” and émigré", "plain text, “quotes” and émigré")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("cr\rover", "cr\\rover")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("\u001b[2J\u001b[H", "\\x1B[2J\\x1B[H")]
    [InlineData("bell\u0007", "bell\\x07")]
    [InlineData("nul\0del\u007f", "nul\\x00del\\x7F")]
    [InlineData("c1 csi \u009b31m nel \u0085", "c1 csi \\x9B31m nel \\x85")]
    [InlineData("rlo \u202eexe.yaml", "rlo \\u202Eexe.yaml")]
    [InlineData("isolates \u2066x\u2069 marks \u200e\u200f\u061c", "isolates \\u2066x\\u2069 marks \\u200E\\u200F\\u061C")]
    [InlineData("separators \u2028\u2029", "separators \\u2028\\u2029")]
    [InlineData("", "")]
    public void Controls_and_bidi_overrides_are_written_visibly(string raw, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(raw));

    [Fact]
    public void Safe_text_is_returned_as_is()
    {
        var text = "claims/putin.yaml:12:5 nothing to escape";
        Assert.Same(text, TerminalText.Escape(text));
    }

    [Fact]
    public void No_character_below_space_or_in_the_C1_range_survives()
    {
        var all = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).ToArray());
        var escaped = TerminalText.Escape(all);
        Assert.DoesNotContain(escaped, c => TerminalText.IsUnsafe(c));
        Assert.DoesNotContain(escaped, c => c < ' ' || (c >= '\u007f' && c <= '\u009f'));
    }
}
