using FactCheck.Rules.Expressions;
using FactCheck.Rules.Language;

namespace FactCheck.Rules.Tests.Expressions;

/// <summary>
/// The build runs with invariant globalization, where .NET leaves 'İ' (U+0130) unchanged when lowering and 'ı'
/// (U+0131) and 'ſ' (U+017F) unchanged when uppering. Text functions map them as Unicode does.
/// </summary>
public sealed class CaseMappingTests : ExpressionTestBase
{
    [Theory]
    [InlineData("lower('İZMİR')", "izmir")]
    [InlineData("lower('İstanbul')", "istanbul")]
    [InlineData("fold('İSTANBUL')", "istanbul")]
    [InlineData("fold('Diyarbakır')", "diyarbakir")]
    [InlineData("upper('ılık')", "ILIK")]
    [InlineData("upper('ſ')", "S")]
    [InlineData("normalizeQuote('“İYİ”')", "\"iyi\"")]
    public void Turkish_capitals_and_dotless_i_are_mapped(string text, string expected) => Assert.Equal(expected, Calc(text));

    [Theory]
    [InlineData("fold('İZMİR') == fold('izmir')", true)]
    [InlineData("lower('İZMİR') == lower('Izmir')", true)]
    public void Mapped_text_compares_equal(string text, bool expected) => Assert.Equal(expected, Calc(text));

    [Fact]
    public void A_quote_in_Turkish_capitals_is_found_in_the_source()
    {
        const string source = "Erdoğan told reporters in İzmir: \"Bu İş bitmiştir.\"";
        Assert.True(TextFunctions.QuoteFound("BU İŞ BİTMİŞTİR", source));
        Assert.True(TextFunctions.QuoteFound("bu iş bitmiştir", source));
        Assert.True(TextFunctions.QuoteFound("in İZMİR", source));
        Assert.False(TextFunctions.QuoteFound("Bu iş bitmedi", source));
    }

    [Fact]
    public void Every_other_letter_keeps_the_invariant_mapping()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (c is '\u0130' or (>= '\uD800' and <= '\uDFFF')) continue;
            var s = c.ToString();
            Assert.Equal(s.ToLowerInvariant(), ExpressionFunctions.Lower(s));
        }
    }
}
