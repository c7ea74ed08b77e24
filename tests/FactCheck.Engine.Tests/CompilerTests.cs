using System.Linq.Expressions;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>Compile errors name the rule and the element, so a front end can position them.</summary>
public sealed class CompilerTests
{
    private static RuleCompilationException Fails(RuleElement lhs, string name = "bad")
    {
        var ex = Assert.Throws<RuleCompilationException>(() => RuleCompiler.Compile([Rule("ok", P<Item>("x")), Rule(name, lhs)]));
        Assert.Equal(name, ex.RuleName);
        return ex;
    }

    [Fact]
    public void Unknown_parameter_names_the_binding_and_the_known_ones()
    {
        var b = P<Item>("b", C<Item, Item>((b, z) => b.Kind == z.Kind));
        var ex = Fails(new AndElement(P<Item>("a"), b));
        Assert.Same(b, ex.Element);
        Assert.NotNull(ex.Condition);
        Assert.Contains("'z' names no binding", ex.Message);
        Assert.Contains("b, a", ex.Message);
    }

    [Fact]
    public void Parameter_type_must_accept_the_bound_type()
    {
        var b = P<Item>("b", C<Item, Tag>((b, a) => b.Kind == a.Kind));
        var ex = Fails(new AndElement(P<Item>("a"), b));
        Assert.Contains("declared Tag but is bound to Item", ex.Message);
    }

    [Fact]
    public void Conditions_must_return_bool()
    {
        Expression<Func<Item, int>> notBool = x => x.Kind;
        var ex = Fails(new PatternElement("x", typeof(Item), [notBool]));
        Assert.Contains("must return bool", ex.Message);
    }

    [Fact]
    public void Names_cannot_be_bound_twice()
    {
        var second = P<Item>("a");
        var ex = Fails(new AndElement(P<Item>("a"), second));
        Assert.Same(second, ex.Element);
        Assert.Contains("already bound", ex.Message);
    }

    [Fact]
    public void Names_inside_not_are_not_visible_after_it()
    {
        var after = P<Item>("c", C<Item, Item>((c, hidden) => c.Id == hidden.Id));
        var ex = Fails(new AndElement(P<Item>("a"), new NotElement(P<Item>("hidden")), after));
        Assert.Same(after, ex.Element);
    }

    [Fact]
    public void Aggregates_check_their_selector()
    {
        Expression<Func<Item, string?>> label = i => i.Label;
        Expression<Func<Tag, int>> wrongType = t => t.Value;
        Assert.Contains("needs a selector", Fails(new AggregateElement("g", AggregateKind.Sum, P<Item>("i"))).Message);
        Assert.Contains("must return int, long", Fails(new AggregateElement("g", AggregateKind.Sum, P<Item>("i"), label)).Message);
        Assert.Contains("one parameter of type Item", Fails(new AggregateElement("g", AggregateKind.Max, P<Item>("i"), wrongType)).Message);
        Assert.Contains("takes no selector", Fails(new AggregateElement("g", AggregateKind.Count, P<Item>("i"), label)).Message);
    }

    [Fact]
    public void Aggregate_results_are_typed_for_later_conditions()
    {
        var wrong = new ConditionElement(C<long>(n => n > 1));
        var ex = Fails(new AndElement(new AggregateElement("n", AggregateKind.Count, P<Item>("i")), wrong));
        Assert.Same(wrong, ex.Element);
        Assert.Contains("bound to Int32", ex.Message);
    }

    [Fact]
    public void Rule_level_problems_are_reported()
    {
        Assert.Throws<RuleCompilationException>(() => RuleCompiler.Compile([Rule("same", P<Item>("x")), Rule("same", P<Item>("y"))]));
        Assert.Throws<RuleCompilationException>(() => RuleCompiler.Compile([Rule("", P<Item>("x"))]));
        Assert.Throws<RuleCompilationException>(() => RuleCompiler.Compile([new RuleDefinition("n", 0, null!, [])]));
        Assert.Contains("at least one child", Fails(new OrElement()).Message);
        Assert.Contains("no fact type", Fails(new PatternElement("x", null!, [])).Message);
        Assert.Contains("must-match", Fails(new ForAllElement(P<Item>("x"), [])).Message);
    }

    [Fact]
    public void A_rule_without_conditions_fires_once()
    {
        var s = RuleCompiler.Compile([Rule("always", new AndElement())]).CreateSession();
        Assert.Equal(1, s.Fire());
    }
}
