using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public sealed class FunctionTests : ExpressionTestBase
{
    [Theory]
    [InlineData("lower('ÉCOLE Abc')", "école abc")]
    [InlineData("upper('abc')", "ABC")]
    [InlineData("fold('Élysée  Ünïcode')", "elysee  unicode")]
    [InlineData("trim('  x  ')", "x")]
    [InlineData("normalizeQuote('  “It’s —  fine…”  ')", "\"it's - fine...\"")]
    [InlineData("lower(null)", null)]
    [InlineData("coalesce(null, 'b')", "b")]
    [InlineData("coalesce('a', 'b')", "a")]
    public void Text_functions(string text, string? expected) => Assert.Equal(expected, Calc(text));

    [Theory]
    [InlineData("contains('abcdef', 'cd')", true)]
    [InlineData("contains('abcdef', 'CD')", false)]
    [InlineData("contains(lower('abcdef'), lower('CD'))", true)]
    [InlineData("startsWith('abcdef', 'ab')", true)]
    [InlineData("endsWith('abcdef', 'ef')", true)]
    [InlineData("endsWith('abcdef', 'ab')", false)]
    [InlineData("isBlank('  ')", true)]
    [InlineData("isBlank(c.Statement)", false)]
    [InlineData("isBlank(null)", true)]
    [InlineData("len('abc') == 3", true)]
    [InlineData("len(c.Statement) > 5", true)]
    [InlineData("count(c.Tags) == 2", true)]
    [InlineData("count(c.Years) == 2", true)]
    [InlineData("any(c.Tags)", true)]
    [InlineData("abs(-3) == 3", true)]
    [InlineData("abs(-2.5) == 2.5", true)]
    [InlineData("regex(c.Statement, '[0-9]+%')", true)]
    [InlineData("regex(c.Statement, '^inflation')", false)]
    [InlineData("regex(c.Statement, '^inflation', 'i')", true)]
    [InlineData("regex(c.Speaker, 'x')", false)]
    [InlineData("fold('Zoë') == fold('ZOE')", true)]
    [InlineData("'uk' in c.Tags", true)]
    [InlineData("'fr' in c.Tags", false)]
    [InlineData("2023 in c.Years", true)]
    [InlineData("'rose' in c.Statement", true)]
    [InlineData("c.Kind in ['Quote', 'Event']", true)]
    [InlineData("coalesce(c.Rank, 7) == 7", true)]
    [InlineData("date('2023-11-08') == @2023-11-08", true)]
    public void Predicates(string text, bool expected) => Assert.Equal(expected, Check(text));

    [Fact]
    public void Similarity_is_between_0_and_1_and_ignores_quote_styles_and_case()
    {
        Assert.Equal(1.0, ExpressionFunctions.Similarity("“Hello,” she said", "\"hello,\" SHE said"));
        Assert.Equal(0.0, ExpressionFunctions.Similarity("abc", "xyz"));
        Assert.Equal(1.0, ExpressionFunctions.Similarity("", ""));
        Assert.Null(ExpressionFunctions.Similarity(null, "x"));
        double s = ExpressionFunctions.Similarity("the minister said taxes will rise", "the minister said taxes would rise")!.Value;
        Assert.InRange(s, 0.8, 0.99);
        Assert.True(Check("similarity(a.Quote, '\"hello\"') == 1.0"));
        Assert.True(Check("similarity(a.Quote, b.Quote) > 0.9"));
    }

    [Fact]
    public void Similarity_of_long_texts_uses_word_overlap()
    {
        string a = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"w{i}"));
        string b = string.Join(' ', Enumerable.Range(0, 2000).Select(i => i % 2 == 0 ? $"w{i}" : $"v{i}"));
        Assert.Equal(0.5, ExpressionFunctions.Similarity(a, b)!.Value, 3);
        Assert.Equal(1.0, ExpressionFunctions.Similarity(a, a));
    }

    [Fact]
    public void Levenshtein_distance()
    {
        Assert.Equal(3, ExpressionFunctions.Levenshtein("kitten", "sitting"));
        Assert.Equal(0, ExpressionFunctions.Levenshtein("", ""));
        Assert.Equal(4, ExpressionFunctions.Levenshtein("", "abcd"));
    }

    [Fact]
    public void Count_and_any_handle_null_and_plain_enumerables()
    {
        Assert.Null(ExpressionFunctions.Count(null));
        Assert.False(ExpressionFunctions.Any(null));
        Assert.Equal(3L, ExpressionFunctions.Count(Enumerable.Range(0, 3)));
        Assert.True(ExpressionFunctions.Any(Enumerable.Range(0, 3)));
    }

    [Fact]
    public void Library_can_be_extended_with_methods_and_factories()
    {
        var library = FunctionLibrary.CreateStandard()
            .AllowClass(typeof(ExtraFunctions))
            .Register("twice", typeof(ExtraFunctions).GetMethod(nameof(ExtraFunctions.Twice))!)
            .Register("answer", 0, 0, _ => System.Linq.Expressions.Expression.Constant(42L));
        var compiler = new ExpressionCompiler([typeof(TestClaim)], library);
        var scope = new ExpressionScope(new ScopeVariable("c", typeof(TestClaim)));
        var e = compiler.CompileCondition(new ExpressionSource("twice(c.Count) == 6 && answer() == 42 && twice(c.Rank) == null"), scope);
        Assert.True(e.Success, string.Join("\n", e.Diagnostics));
        Assert.True((bool)e.Evaluate(TestClaim.Sample())!);
    }

    [Fact]
    public void Registering_a_method_of_a_class_that_is_not_allowlisted_is_refused()
    {
        var library = new FunctionLibrary();
        Assert.Throws<ArgumentException>(() => library.Register("read", typeof(File).GetMethod(nameof(File.ReadAllText), [typeof(string)])!));
        Assert.Throws<ArgumentException>(() => library.AllowClass(typeof(ExtraFunctions)).Register("in", typeof(ExtraFunctions).GetMethod(nameof(ExtraFunctions.Twice))!));
    }
}

public static class ExtraFunctions
{
    public static long Twice(long n) => n * 2;
}
