using System.Linq.Expressions;
using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public sealed class BasicCompileTests : ExpressionTestBase
{
    [Theory]
    [InlineData("c.Statement == 'Inflation rose to 5%'", true)]
    [InlineData("c.Statement == \"Inflation rose to 5%\"", true)]
    [InlineData("c.Statement != 'x'", true)]
    [InlineData("c.Count == 3", true)]
    [InlineData("c.Count > 2 && c.Count <= 3", true)]
    [InlineData("c.Count < 3 || c.Verified", true)]
    [InlineData("c.Count >= 4", false)]
    [InlineData("c.Score == 0.5", true)]
    [InlineData("c.Score < 1", true)]
    [InlineData("!c.Verified", false)]
    [InlineData("not c.Verified", false)]
    [InlineData("c.Verified and c.Count == 3", true)]
    [InlineData("c.Verified or false", true)]
    [InlineData("true", true)]
    [InlineData("c.Published == @2023-11-08", true)]
    [InlineData("c.Published > @2023-01-01", true)]
    [InlineData("c.Published < date('2023-01-01')", false)]
    [InlineData("c.Kind == 'Quote'", true)]
    [InlineData("c.Kind != 'statistic'", true)]
    [InlineData("c.Source.Outlet == 'The Paper'", true)]
    [InlineData("c.Source.Year == 2023", true)]
    [InlineData("a.Words > 1000", true)]
    [InlineData("-(1 + 1) < 0", true)]
    [InlineData("-(c.Count + 1) == -4", true)]
    [InlineData("-(-(c.Count * 2)) == 6", true)]
    [InlineData("-(c.Source.Year - 2000) == -23", true)]
    public void Conditions_evaluate(string text, bool expected) => Assert.Equal(expected, Check(text));

    [Fact]
    public void Lambda_parameters_are_the_used_names_in_scope_order()
    {
        var e = Condition("b.Title == a.Title && c.Verified");
        Assert.Equal(["c", "a", "b"], e.UsedNames);
        Assert.Equal(["c", "a", "b"], e.Lambda!.Parameters.Select(p => p.Name));
        Assert.Equal(typeof(bool), e.ResultType);

        var single = Condition("a.Words > 3");
        Assert.Equal(["a"], single.UsedNames);
        var f = single.CreateDelegate<Func<TestArticle, bool>>();
        Assert.True(f(Article()));
    }

    [Fact]
    public void Constant_condition_uses_no_names()
    {
        var e = Condition("1 < 2");
        Assert.Empty(e.UsedNames);
        Assert.True(e.CreateDelegate<Func<bool>>()());
    }

    [Fact]
    public void Conjuncts_are_split_and_compiled_separately()
    {
        var r = Compiler.CompileConjuncts(new ExpressionSource("a.Quote == b.Quote && a.Words > 10 && (c.Verified || c.Count > 1)", 4, 10), Scope());
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Equal(3, r.Conjuncts.Count);
        Assert.Equal(["a", "b"], r.Conjuncts[0].UsedNames);
        Assert.Equal(["a"], r.Conjuncts[1].UsedNames);
        Assert.Equal(["c"], r.Conjuncts[2].UsedNames);
        Assert.Equal(["c", "a", "b"], r.UsedNames);
        Assert.Equal("a.Words > 10", r.Conjuncts[1].Source.Text);
        Assert.Equal((4, 32), (r.Conjuncts[1].Source.Line, r.Conjuncts[1].Source.Column));

        // The join conjunct is a plain Equal of two member accesses on the parameters.
        var eq = Assert.IsAssignableFrom<BinaryExpression>(r.Conjuncts[0].Lambda!.Body);
        Assert.Equal(ExpressionType.Equal, eq.NodeType);
        var left = Assert.IsAssignableFrom<MemberExpression>(eq.Left);
        var right = Assert.IsAssignableFrom<MemberExpression>(eq.Right);
        Assert.Equal("Quote", left.Member.Name);
        Assert.Same(r.Conjuncts[0].Lambda!.Parameters[0], left.Expression);
        Assert.Same(r.Conjuncts[0].Lambda!.Parameters[1], right.Expression);
    }

    [Fact]
    public void Value_expressions_keep_their_type()
    {
        Assert.Equal(typeof(long), Value("c.Count + 1").ResultType);
        Assert.Equal(4L, Calc("c.Count + 1"));
        Assert.Equal(typeof(string), Value("c.Speaker").ResultType);
        Assert.Equal("Jane Doe", Calc("c.Speaker"));
        Assert.Null(Calc("null"));
    }
}
