using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public abstract class ExpressionTestBase
{
    protected static readonly ExpressionCompiler Compiler =
        new([typeof(TestClaim), typeof(Source), typeof(TestArticle)]);

    protected static ExpressionScope Scope() => new(
        new ScopeVariable("c", typeof(TestClaim)),
        new ScopeVariable("a", typeof(TestArticle)),
        new ScopeVariable("b", typeof(TestArticle)));

    protected static CompiledExpression Condition(string text, int line = 1, int column = 1) =>
        Compiler.CompileCondition(new ExpressionSource(text, line, column), Scope());

    protected static CompiledExpression Value(string text) =>
        Compiler.CompileValue(new ExpressionSource(text), Scope());

    /// <summary>Evaluates with facts supplied by name; only the used names are passed.</summary>
    protected static object? Eval(CompiledExpression e, TestClaim? c = null, TestArticle? a = null, TestArticle? b = null)
    {
        Assert.True(e.Success, string.Join("\n", e.Diagnostics));
        var facts = new Dictionary<string, object?> { ["c"] = c ?? TestClaim.Sample(), ["a"] = a ?? Article(), ["b"] = b ?? Article() };
        return e.Evaluate(e.UsedNames.Select(n => facts[n]).ToArray());
    }

    protected static bool Check(string condition, TestClaim? c = null, TestArticle? a = null, TestArticle? b = null) =>
        (bool)Eval(Condition(condition), c, a, b)!;

    protected static object? Calc(string value, TestClaim? c = null, TestArticle? a = null) => Eval(Value(value), c, a);

    protected static TestArticle Article(string quote = "“Hello”", Source? source = null) =>
        new("Title", quote, source, 1200);

    protected static ExpressionDiagnostic SingleError(string text)
    {
        var e = Condition(text);
        Assert.False(e.Success);
        return Assert.Single(e.Diagnostics);
    }
}
