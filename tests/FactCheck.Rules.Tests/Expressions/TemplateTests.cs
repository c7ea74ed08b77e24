using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public sealed class TemplateTests : ExpressionTestBase
{
    private static string Render(string template, TestClaim? c = null, TestArticle? a = null, TestArticle? b = null)
    {
        var t = Compiler.CompileTemplate(new ExpressionSource(template), Scope());
        Assert.True(t.Success, string.Join("\n", t.Diagnostics));
        Assert.Equal(typeof(string), t.ResultType);
        return (string)Eval(t, c, a, b)!;
    }

    [Fact]
    public void Holes_are_evaluated_and_formatted_invariantly()
    {
        Assert.Equal("Quote differs: x vs y", Render("Quote differs: {a.Quote} vs {b.Quote}", a: Article("x"), b: Article("y")));
        Assert.Equal("3 claims, score 0.5, verified true, on 2023-11-08, kind Quote, tags economy, uk",
            Render("{c.Count} claims, score {c.Score}, verified {c.Verified}, on {c.Published}, kind {c.Kind}, tags {c.Tags}"));
        Assert.Equal("n=4 'x}'", Render("n={c.Count + 1} {'\\'' + 'x}' + '\\''}"));
    }

    [Fact]
    public void Null_shows_as_empty()
    {
        var c = TestClaim.Sample() with { Speaker = null, Source = null };
        Assert.Equal("speaker: [], outlet: []", Render("speaker: [{c.Speaker}], outlet: [{c.Source.Outlet}]", c));
        Assert.Equal("[]", Render("[{null}]"));
    }

    [Fact]
    public void Braces_are_escaped_by_doubling()
    {
        Assert.Equal("{literal} 3", Render("{{literal}} {c.Count}"));
        Assert.Equal("plain text", Render("plain text"));
        Assert.Equal("", Render(""));
    }

    [Fact]
    public void Template_parameters_are_the_used_names()
    {
        var t = Compiler.CompileTemplate(new ExpressionSource("{b.Title} {c.Count}"), Scope());
        Assert.Equal(["c", "b"], t.UsedNames);
        var f = t.CreateDelegate<Func<TestClaim, TestArticle, string>>();
        Assert.Equal("Title 3", f(TestClaim.Sample(), Article()));
    }

    [Fact]
    public void Runtime_errors_in_holes_carry_the_hole_position()
    {
        var t = Compiler.CompileTemplate(new ExpressionSource("ratio {c.Count / 0}", 2, 10), Scope());
        var ex = Assert.Throws<ExpressionEvaluationException>(() => t.Evaluate(TestClaim.Sample()));
        Assert.Equal((2, 10 + 15), (ex.Line, ex.Column));
        Assert.Equal("c.Count / 0", ex.ExpressionText);
    }
}
