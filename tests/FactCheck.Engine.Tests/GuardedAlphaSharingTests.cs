using System.Linq.Expressions;
using FactCheck.Engine.Compilation;
using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>
/// Conditions guarded by a try/catch that only dresses the error (as the YAML rules' are, with the condition's text and
/// position in its file) share one alpha node between rules when their bodies are equal; each rule's error still
/// carries its own guard's exception. A handler that returns a value instead of throwing keeps the tests apart.
/// </summary>
public sealed class GuardedAlphaSharingTests
{
    /// <summary><c>x =&gt; try { 100 / x.Value &gt; 2 } catch (Exception e) { handler }</c>, as a rule's only condition.</summary>
    private static RuleDefinition Guarded(string name, Func<ParameterExpression, Expression> handler)
    {
        var x = Expression.Parameter(typeof(Item), "x");
        var e = Expression.Parameter(typeof(Exception), "e");
        var body = Expression.GreaterThan(Expression.Divide(Expression.Constant(100), Expression.Property(x, nameof(Item.Value))), Expression.Constant(2));
        var guarded = Expression.TryCatch(body, Expression.Catch(e, handler(e)));
        return Rule(name, P<Item>("x", Expression.Lambda<Func<Item, bool>>(guarded, x)));
    }

    private static Expression Dress(ParameterExpression e, string where) =>
        Expression.Throw(Expression.New(typeof(InvalidOperationException).GetConstructor([typeof(string), typeof(Exception)])!, Expression.Constant(where), e), typeof(bool));

    private static List<AlphaNodePlan> AlphaNodes(ICompiledRuleSet set) =>
        ((CompiledRuleSet)set).TypeNodes.Single(t => t.Type == typeof(Item)).Children;

    [Fact]
    public void Guards_that_only_dress_the_error_share_one_node_and_each_rule_keeps_its_own_error()
    {
        var set = RuleCompiler.Compile([Guarded("a", e => Dress(e, "rule a, line 3")), Guarded("b", e => Dress(e, "rule b, line 9"))]);
        var node = Assert.Single(AlphaNodes(set));
        Assert.Equal(["a", "b"], node.Sites.Select(s => s.Rule.Name));

        var s = set.CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue });
        s.InsertAll([new Item(1, 0, 10), new Item(2, 0, 50), new Item(3, 0, 0)]);
        Assert.Equal(["a(i1)", "b(i1)"], Agenda(s).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("a", "rule a, line 3", typeof(DivideByZeroException)), ("b", "rule b, line 9", typeof(DivideByZeroException))],
            s.Errors.Select(r => (r.Rule.Name, r.Exception.Message, r.Exception.InnerException!.GetType())).Order());
    }

    [Fact]
    public void A_guard_that_returns_a_value_is_not_shared_with_one_that_throws()
    {
        var set = RuleCompiler.Compile([
            Guarded("throws", e => Dress(e, "rule throws")),
            Guarded("true-on-error", _ => Expression.Constant(true)),
            Guarded("false-on-error", _ => Expression.Constant(false))]);
        Assert.Equal(3, AlphaNodes(set).Count);

        var s = set.CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue });
        s.InsertAll([new Item(1, 0, 10), new Item(3, 0, 0)]);
        Assert.Equal(["false-on-error(i1)", "throws(i1)", "true-on-error(i1)", "true-on-error(i3)"], Agenda(s).Order(StringComparer.Ordinal));
        Assert.Equal("throws", Assert.Single(s.Errors).Rule.Name);
    }
}
