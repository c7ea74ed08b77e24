using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

public sealed class OutputFormatsTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Every_listed_format_has_a_formatter(string format)
    {
        Assert.Contains(format, OutputFormats.Names);
        Assert.NotNull(OutputFormats.Create(format));
    }

    [Fact]
    public void An_unknown_format_is_a_clear_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => OutputFormats.Create("xml"));
        Assert.Contains("unknown output format 'xml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("text, json, sarif, github", error.Message, StringComparison.Ordinal);
    }
}
