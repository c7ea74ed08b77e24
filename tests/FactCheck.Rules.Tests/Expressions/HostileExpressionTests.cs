using System.Diagnostics;
using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

/// <summary>Expressions come from rule files; none of these may escape the sandbox, hang, or crash the process.</summary>
public sealed class HostileExpressionTests : ExpressionTestBase
{
    [Theory]
    [InlineData("c.GetType() == null", "calling methods on values ('GetType(...)') is not allowed")]
    [InlineData("c.GetType().Assembly.Location == ''", "calling methods on values ('GetType(...)') is not allowed")]
    [InlineData("System.IO.File.ReadAllText('x') == ''", "calling methods on values ('ReadAllText(...)') is not allowed")]
    [InlineData("typeof(c) == null", "unknown function 'typeof'")]
    [InlineData("nameof(c) == 'c'", "unknown function 'nameof'")]
    [InlineData("new System.Object() == null", "creating objects ('new') is not allowed")]
    [InlineData("PadLeft(100000000) == ''", "unknown function 'PadLeft'")]
    [InlineData("c.Statement.PadLeft(100000000) == ''", "calling methods on values ('PadLeft(...)') is not allowed")]
    [InlineData("c.ClrType == null", "TestClaim has no property 'ClrType'")]
    [InlineData("c.ClrType.Assembly == null", "TestClaim has no property 'ClrType'")]
    [InlineData("c.Anything == null", "TestClaim has no property 'Anything'")]
    [InlineData("c.Secret == 'secret'", "TestClaim has no property 'Secret'")]
    [InlineData("c.Tags.Count == 2", "lists have no properties ('.Count')")]
    [InlineData("c.Published.Year == 2023", "a date has no properties ('.Year')")]
    [InlineData("System == null", "unknown name 'System'")]
    [InlineData("DateTime.Now > @2020-01-01", "unknown name 'DateTime'")]
    [InlineData("now() > @2020-01-01", "unknown function 'now'")]
    [InlineData("c[0] == null", "indexing with [...] is not supported")]
    [InlineData("(c.Statement)(1) == null", "only library functions can be called")]
    public void Escapes_are_refused(string text, string messageStart)
    {
        var e = Condition(text);
        Assert.False(e.Success);
        Assert.Contains(e.Diagnostics, d => d.Message.StartsWith(messageStart, StringComparison.Ordinal));
    }

    [Fact]
    public void Types_outside_the_allowlist_expose_nothing()
    {
        var compiler = new ExpressionCompiler([typeof(TestArticle)]); // Source not allowlisted
        var scope = new ExpressionScope(new ScopeVariable("a", typeof(TestArticle)), new ScopeVariable("x", typeof(Process)));
        var e = compiler.CompileCondition(new ExpressionSource("a.Source.Outlet == '' || x.Id == 1"), scope);
        Assert.Equal(2, e.Diagnostics.Count);
        // A property whose type is not allowlisted is invisible; a bound value of such a type has no members.
        Assert.Equal("TestArticle has no property 'Source'", e.Diagnostics[0].Message);
        Assert.Equal("'Process' is not a registered fact type; its members ('.Id') cannot be used", e.Diagnostics[1].Message);
    }

    [Fact]
    public void Deep_parentheses_are_refused_with_an_error()
    {
        string text = new string('(', 10_000) + "true" + new string(')', 10_000);
        var d = Assert.Single(Compiler.CompileCondition(new ExpressionSource(text), Scope()).Diagnostics);
        Assert.Contains("too long", d.Message);

        var limits = new ExpressionLimits(MaxLength: 100_000);
        var compiler = new ExpressionCompiler([typeof(TestClaim)], limits: limits);
        var deep = compiler.CompileCondition(new ExpressionSource(text), new ExpressionScope());
        Assert.Contains("too deeply nested", Assert.Single(deep.Diagnostics).Message);

        var unary = compiler.CompileCondition(new ExpressionSource(new string('!', 50_000) + "true"), new ExpressionScope());
        Assert.Contains("too deeply nested", Assert.Single(unary.Diagnostics).Message);
    }

    [Fact]
    public void Long_flat_chains_are_refused_before_they_can_overflow_the_binder()
    {
        var compiler = new ExpressionCompiler([typeof(TestClaim)], limits: new ExpressionLimits(MaxLength: 1_000_000));
        string chain = string.Join(" + ", Enumerable.Repeat("1", 100_000)) + " == 1";
        var d = Assert.Single(compiler.CompileCondition(new ExpressionSource(chain), new ExpressionScope()).Diagnostics);
        Assert.Contains("too deeply nested", d.Message);

        string members = "c" + string.Concat(Enumerable.Repeat(".Source", 50_000)) + " == null";
        var m = compiler.CompileCondition(new ExpressionSource(members), new ExpressionScope(new ScopeVariable("c", typeof(TestClaim))));
        Assert.False(m.Success);
    }

    [Fact]
    public void Chains_just_under_the_limit_compile_and_run()
    {
        string chain = string.Join(" + ", Enumerable.Repeat("c.Count", 390));
        var e = Value(chain);
        Assert.True(e.Success, string.Join("\n", e.Diagnostics));
        Assert.Equal(390L * 3, e.Evaluate(TestClaim.Sample()));
        string ors = string.Join(" || ", Enumerable.Repeat("c.Count == 1", 300)) + " || c.Verified";
        Assert.True(Check(ors));
    }

    [Fact]
    public void Faulty_factory_becomes_a_diagnostic()
    {
        var library = FunctionLibrary.CreateStandard().Register("broken", 0, 0, _ => throw new NullReferenceException("bug"));
        var compiler = new ExpressionCompiler([typeof(TestClaim)], library);
        var e = compiler.CompileCondition(new ExpressionSource("broken()"), new ExpressionScope());
        Assert.Equal("broken(...) cannot be used here: bug", Assert.Single(e.Diagnostics).Message);
    }

    [Fact]
    public void Very_long_expression_is_refused()
    {
        string text = "c.Statement == '" + new string('x', 20_000) + "'";
        var d = Assert.Single(Condition(text).Diagnostics);
        Assert.Equal("expression is too long (20017 characters; the limit is 10000)", d.Message);
    }

    [Fact]
    public void Catastrophic_regex_runs_in_linear_time()
    {
        var e = Condition("regex(c.Statement, '(a+)+$')");
        Assert.True(e.Success, string.Join("\n", e.Diagnostics));
        var claim = TestClaim.Sample(new string('a', 20_000) + "!");
        var f = e.CreateDelegate<Func<TestClaim, bool>>();
        // NonBacktracking makes this linear: it returns rather than spinning for hours.
        Assert.False(f(claim));
    }

    [Fact]
    public void Regex_pattern_length_is_limited()
    {
        var d = SingleError("regex(c.Statement, '" + new string('a', 1001) + "')");
        Assert.Equal("regex pattern is too long (1001 characters; the limit is 1000)", d.Message);
    }

    [Fact]
    public void Unknown_functions_are_reported_with_suggestions()
    {
        var d = SingleError("startswith(c.Statement, 'x')");
        Assert.Equal("unknown function 'startswith'; did you mean 'startsWith'?", d.Message);
    }

    [Fact]
    public void Bad_input_never_throws()
    {
        string[] inputs = ["", " ", "(", ")", "[", "]", "'", "\"", "@", "@x", "1..2", "c.", ".c", "c..Count", "&&", "in", "not", "not in",
            "c in", "a.b.c.d.e", "f(", "f(,)", "lower(,)", "{", "}", "\\", "1 2 3", "\0", "c.Count == 3 ==", "[1,", "regex(", "\u00e9"];
        foreach (var input in inputs)
        {
            var e = Condition(input);
            Assert.False(e.Success, input);
            Assert.NotEmpty(e.Diagnostics);
            var t = Compiler.CompileTemplate(new ExpressionSource("{" + input + "}"), Scope());
            Assert.False(t.Success, input);
        }
    }
}
