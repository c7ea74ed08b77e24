using FactCheck.Rules.Expressions;

namespace FactCheck.Rules.Tests.Expressions;

public sealed class RuntimeErrorTests : ExpressionTestBase
{
    [Fact]
    public void Division_by_zero_reports_the_expression_and_the_operator_position()
    {
        var e = Condition("c.Count / (c.Count - 3) == 1", line: 5, column: 9);
        var f = e.CreateDelegate<Func<TestClaim, bool>>();
        var ex = Assert.Throws<ExpressionEvaluationException>(() => f(TestClaim.Sample()));
        Assert.Equal("division by zero", ex.Reason);
        Assert.Equal((5, 9 + 8), (ex.Line, ex.Column));
        Assert.Equal("c.Count / (c.Count - 3) == 1", ex.ExpressionText);
        Assert.IsType<DivideByZeroException>(ex.InnerException);
        Assert.False(f(TestClaim.Sample() with { Count = 6 }));
    }

    [Fact]
    public void Overflow_is_checked()
    {
        var e = Condition("a.Words * 9223372036854775807 > 0");
        var ex = Assert.Throws<ExpressionEvaluationException>(() => e.Evaluate(Article()));
        Assert.Equal("number out of range (overflow)", ex.Reason);
        Assert.Equal(9, ex.Column);
    }

    [Fact]
    public void Null_fact_becomes_an_evaluation_error_not_a_crash()
    {
        var e = Condition("c.Count == 3");
        var f = e.CreateDelegate<Func<TestClaim, bool>>();
        var ex = Assert.Throws<ExpressionEvaluationException>(() => f(null!));
        Assert.Equal("a bound fact was null", ex.Reason);
    }

    [Fact]
    public void Plain_lambda_stays_unwrapped_for_the_engine()
    {
        var e = Condition("c.Count == 3");
        Assert.Equal(System.Linq.Expressions.ExpressionType.Equal, e.Lambda!.Body.NodeType);
        Assert.Equal(System.Linq.Expressions.ExpressionType.Try, e.GuardedLambda!.Body.NodeType);
    }

    [Fact]
    public void Failed_compilation_cannot_be_turned_into_a_delegate()
    {
        var e = Condition("c.Nope == 1");
        Assert.Null(e.Lambda);
        Assert.Throws<InvalidOperationException>(() => e.CreateDelegate());
    }
}
