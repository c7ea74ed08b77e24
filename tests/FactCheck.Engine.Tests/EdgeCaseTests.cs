using System.Linq.Expressions;
using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>Aggregate result types, throwing keys and selectors, and other corners.</summary>
public sealed class EdgeCaseTests
{
    private sealed record Amount(int Id, long Cents, decimal Exact, double Approx, string Name);

    /// <summary>A record with a settable property: usable as a join key, and mutable behind the engine's back.</summary>
    private sealed record Label
    {
        public string Text { get; set; } = "";
    }

    private sealed class Tagged(int id, Label label)
    {
        public int Id { get; } = id;
        public Label Label { get; } = label;

        public override string ToString() => $"T{Id}";
    }

    private static List<string> Live(ISession s) => Canonical.Of(((Session)s).LiveMatches());

    private static RuleDefinition Agg<TResult>(string name, AggregateKind kind, Expression<Func<Amount, TResult>> selector) =>
        Rule(name, new AggregateElement("g", kind, P<Amount>("a"), selector));

    [Fact]
    public void Sums_keep_the_selector_type_and_min_max_compare_any_comparable()
    {
        var s = Session(
            Agg("long", AggregateKind.Sum, a => a.Cents),
            Agg("decimal", AggregateKind.Sum, a => a.Exact),
            Agg("double", AggregateKind.Sum, a => a.Approx),
            Agg("min-name", AggregateKind.Min, a => a.Name),
            Agg("max-name", AggregateKind.Max, a => a.Name));
        var x = new Amount(1, 5_000_000_000, 1.25m, 0.5, "beta");
        var y = new Amount(2, 1, 2.5m, 0.25, "alpha");
        s.InsertAll([x, y]);
        var byRule = s.Agenda.ToDictionary(m => m.Rule.Name, m => m.Facts[0]);
        Assert.Equal(5_000_000_001L, byRule["long"]);
        Assert.Equal(3.75m, byRule["decimal"]);
        Assert.Equal(0.75, byRule["double"]);
        Assert.Equal("alpha", byRule["min-name"]);
        Assert.Equal("beta", byRule["max-name"]);
        s.Retract(y);
        byRule = s.Agenda.ToDictionary(m => m.Rule.Name, m => m.Facts[0]);
        Assert.Equal(5_000_000_000L, byRule["long"]);
        Assert.Equal("beta", byRule["min-name"]);
    }

    [Fact]
    public void A_throwing_selector_leaves_the_fact_out_and_is_reported()
    {
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue },
            Rule("total", new AggregateElement("g", AggregateKind.Sum, P<Item>("i"), (Expression<Func<Item, int>>)(i => 12 / i.Value))));
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 3)]);
        Assert.Equal(["total(g=4)"], Live(s));
        var e = Assert.Single(s.Errors);
        Assert.Contains("selector", e.What);
        Assert.IsType<DivideByZeroException>(e.Exception);
    }

    [Fact]
    public void A_throwing_join_key_counts_as_no_match_for_not_and_join()
    {
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue },
            Rule("unlabelled-twin", new AndElement(
                P<Item>("a"),
                new NotElement(P<Item>("b", C<Item, Item>((b, a) => b.Label!.Length == a.Label!.Length && b.Id != a.Id))))),
            Rule("labelled-twin", new AndElement(
                P<Item>("a"),
                P<Item>("b", C<Item, Item>((b, a) => b.Label!.Length == a.Label!.Length && b.Id != a.Id)))));
        var labelled = new Item(1, 0, 0) { Label = "x" };
        var twin = new Item(2, 0, 0) { Label = "y" };
        var bare = new Item(3, 0, 0);
        s.InsertAll([labelled, twin, bare]);
        Assert.Equal(["labelled-twin(a=I1,b=I2)", "labelled-twin(a=I2,b=I1)", "unlabelled-twin(a=I3)"], Live(s));
        Assert.All(s.Errors, e => Assert.IsType<NullReferenceException>(e.Exception));
        Assert.Contains(s.Errors, e => e.Facts.Contains(bare));
        bare.Label = "z";
        s.Update(bare);
        Assert.Equal(6, Live(s).Count);
    }

    [Fact]
    public void Null_join_keys_are_equal_like_in_csharp()
    {
        var s = Session(Rule("same-label", new AndElement(
            P<Item>("a"),
            P<Item>("b", C<Item, Item>((b, a) => b.Label == a.Label && b.Id > a.Id)))));
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0) { Label = "x" }]);
        Assert.Equal(["same-label(a=I1,b=I2)"], Live(s));
    }

    [Fact]
    public void Subtypes_match_patterns_on_their_base_type_or_interface()
    {
        var s = Session(Rule("any", P<object>("o")), Rule("formattable", P<IFormattable>("f")));
        s.InsertAll([new Item(1, 0, 0), 42, 1.5]);
        Assert.Equal(3, s.Agenda.Count(m => m.Rule.Name == "any"));
        Assert.Equal(2, s.Agenda.Count(m => m.Rule.Name == "formattable"));
    }

    [Fact]
    public void Aggregates_over_facts_joined_to_an_earlier_binding_with_a_residual()
    {
        var s = Session(Rule("bigger", new AndElement(
            P<Tag>("t"),
            new AggregateElement("n", AggregateKind.Collect, P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind && i.Value > t.Value))))));
        var t = new Tag(1, 0, 2);
        var small = new Item(2, 0, 1);
        var big = new Item(3, 0, 5);
        s.InsertAll([t, small, big]);
        Assert.Equal(["bigger(t=T1,n=[I3])"], Live(s));
        t.Value = 0;
        s.Update(t);
        Assert.Equal(["bigger(t=T1,n=[I2,I3])"], Live(s));
        big.Value = 0;
        s.Update(big);
        Assert.Equal(["bigger(t=T1,n=[I2])"], Live(s));
    }

    [Fact]
    public void A_join_key_mutated_in_place_does_not_break_retraction()
    {
        var s = Session(Rule("same-label", new AndElement(
            P<Tagged>("a"),
            P<Tagged>("b", C<Tagged, Tagged>((b, a) => b.Label == a.Label && b.Id > a.Id)))));
        var label = new Label { Text = "x" };
        var t1 = new Tagged(1, label);
        var t2 = new Tagged(2, label);
        s.InsertAll([t1, t2]);
        Assert.Equal(["same-label(a=T1,b=T2)"], Live(s));
        // The key's hash changes while both facts sit under it; retracting them must still find and drop its slot.
        label.Text = "y";
        s.Retract(t1);
        s.Retract(t2);
        Assert.Empty(Live(s));
        s.InsertAll([t1, t2]);
        Assert.Equal(["same-label(a=T1,b=T2)"], Live(s));
    }
}
