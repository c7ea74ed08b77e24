using System.Linq.Expressions;
using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>
/// Join, aggregate and not/exists nodes index their right facts only once a token comes to their left side; the facts that
/// came before are replayed then. The cases where that could go wrong: facts updated or retracted before the first
/// token, the fact whose own propagation brings the first token (fed to the node before or after it), a retraction that
/// brings it, and errors of keys and selectors (recorded once, when the fact comes).
/// </summary>
public sealed class LazyRightMemoryTests
{
    private static List<string> Live(ISession s) => Canonical.Of(((Session)s).LiveMatches());

    private static RuleDefinition CountPerTag(Expression<Func<Item, int>>? selector = null, AggregateKind kind = AggregateKind.Count) =>
        Rule(kind.ToString(), new AndElement(P<Tag>("t"), new AggregateElement("g", kind, P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind)), selector)));

    [Fact]
    public void Facts_inserted_updated_and_retracted_before_the_first_token_are_seen_as_they_are_now()
    {
        var s = Session(CountPerTag(), CountPerTag(i => i.Value, AggregateKind.Sum), CountPerTag(kind: AggregateKind.Collect));
        var i1 = new Item(1, 0, 4);
        var i2 = new Item(2, 0, 7);
        var i3 = new Item(3, 1, 5);
        var i4 = new Item(4, 0, 9);
        s.InsertAll([i1, i2, i3, i4]);
        i3.Kind = 0; // moves into kind 0, after i4 in insertion order all the same
        s.Update(i3);
        s.Retract(i2);
        s.Insert(new Tag(1, 0, 0));
        Assert.Equal(["Collect(t=T1,g=[I1,I3,I4])", "Count(t=T1,g=3)", "Sum(t=T1,g=18)"], Live(s));
        s.Retract(i3);
        Assert.Equal(["Collect(t=T1,g=[I1,I4])", "Count(t=T1,g=2)", "Sum(t=T1,g=13)"], Live(s));
    }

    [Fact]
    public void The_fact_that_brings_the_first_token_counts_itself_once()
    {
        // The item is both the token (a) and a fact on the aggregate's and the not's right side.
        var count = Rule("same-kind", new AndElement(P<Item>("a"),
            new AggregateElement("n", AggregateKind.Count, P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind)))));
        var top = Rule("top", new AndElement(P<Item>("a"), new NotElement(P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Value > a.Value)))));
        var any = Rule("any", new AndElement(P<Item>("a"), new ExistsElement(P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind)))));
        foreach (var insertAll in new[] { false, true })
        {
            var s = Session(count, top, any);
            var i1 = new Item(1, 0, 4);
            if (insertAll) s.InsertAll([i1]);
            else s.Insert(i1);
            Assert.Equal(["any(a=I1)", "same-kind(a=I1,n=1)", "top(a=I1)"], Live(s));
            var i2 = new Item(2, 0, 7);
            s.Insert(i2);
            Assert.Equal(["any(a=I1)", "any(a=I2)", "same-kind(a=I1,n=2)", "same-kind(a=I2,n=2)", "top(a=I2)"], Live(s));
            i1.Value = 9;
            s.Update(i1);
            Assert.Equal(["any(a=I1)", "any(a=I2)", "same-kind(a=I1,n=2)", "same-kind(a=I2,n=2)", "top(a=I1)"], Live(s));
        }
    }

    [Fact]
    public void A_fact_being_retracted_is_not_replayed_when_its_retraction_brings_the_first_token()
    {
        // The exists node gets a token only when the claim loses its attribution; the attribution going is no witness.
        var rule = Rule("orphan-among-others", new AndElement(
            P<Claim>("c"),
            new NotElement(P<Attribution>("x", C<Attribution, Claim>((x, c) => x.ClaimId == c.Id))),
            new ExistsElement(P<Attribution>("y"))));
        var a1 = new Attribution(1);
        var s = Session(rule);
        s.InsertAll([new Claim(1, "p", 1), a1]);
        Assert.Empty(Live(s));
        s.Retract(a1);
        Assert.Empty(Live(s));
        s.Insert(new Attribution(2));
        Assert.Equal(["orphan-among-others(c=C1)"], Live(s));

        var t = Session(rule);
        var a2 = new Attribution(2);
        t.InsertAll([new Claim(1, "p", 1), a1, a2]);
        t.Retract(a1);
        Assert.Equal(["orphan-among-others(c=C1)"], Live(t));
        t.Retract(a2);
        Assert.Empty(Live(t));
    }

    [Fact]
    public void Key_and_selector_errors_are_recorded_once_when_the_fact_comes()
    {
        var byKey = Rule("by-key", new AndElement(P<Tag>("t"),
            new AggregateElement("n", AggregateKind.Count, P<Item>("i", C<Item, Tag>((i, t) => 100 / i.Value == t.Kind)))));
        var bySelector = CountPerTag(i => 100 / i.Value, AggregateKind.Sum);
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue }, byKey, bySelector);
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 50)]);
        Assert.Equal(2, s.Errors.Count); // one per node, before any token
        s.InsertAll([new Tag(1, 0, 0), new Tag(2, 2, 0)]);
        Assert.Equal(2, s.Errors.Count);
        Assert.Equal(["Sum(t=T1,g=2)", "Sum(t=T2,g=0)", "by-key(t=T1,n=0)", "by-key(t=T2,n=1)"], Live(s));
    }

    [Fact]
    public void A_join_indexes_its_facts_when_its_first_token_comes()
    {
        var rule = Rule("tagged", new AndElement(P<Tag>("t"), P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind))));
        var s = Session(rule);
        var i1 = new Item(1, 0, 4);
        var i2 = new Item(2, 1, 7);
        var i3 = new Item(3, 0, 5);
        s.InsertAll([i1, i2, i3]);
        i2.Kind = 0;
        s.Update(i2);
        s.Retract(i3);
        s.Insert(new Tag(1, 0, 0));
        Assert.Equal(["tagged(t=T1,i=I1)", "tagged(t=T1,i=I2)"], Live(s));
        Assert.Equal(2, s.Fire());
        s.Retract(i1);
        Assert.Equal(["tagged(t=T1,i=I2)"], Live(s));
    }

    [Fact]
    public void The_fact_that_brings_a_joins_first_token_joins_itself_once()
    {
        // The item is the token (a) and a fact on the join's right side (b), keyed and not.
        var keyed = Rule("same-kind", new AndElement(P<Item>("a"), P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind))));
        var unkeyed = Rule("not-above", new AndElement(P<Item>("a"), P<Item>("b", C<Item, Item>((b, a) => b.Value <= a.Value))));
        foreach (var insertAll in new[] { false, true })
        {
            var s = Session(keyed, unkeyed);
            var i1 = new Item(1, 0, 4);
            if (insertAll) s.InsertAll([i1]);
            else s.Insert(i1);
            Assert.Equal(["not-above(a=I1,b=I1)", "same-kind(a=I1,b=I1)"], Live(s));
            var i2 = new Item(2, 0, 7);
            s.Insert(i2);
            Assert.Equal(
                ["not-above(a=I1,b=I1)", "not-above(a=I2,b=I1)", "not-above(a=I2,b=I2)",
                 "same-kind(a=I1,b=I1)", "same-kind(a=I1,b=I2)", "same-kind(a=I2,b=I1)", "same-kind(a=I2,b=I2)"], Live(s));
            i1.Value = 9;
            s.Update(i1);
            Assert.Equal(
                ["not-above(a=I1,b=I1)", "not-above(a=I1,b=I2)", "not-above(a=I2,b=I2)",
                 "same-kind(a=I1,b=I1)", "same-kind(a=I1,b=I2)", "same-kind(a=I2,b=I1)", "same-kind(a=I2,b=I2)"], Live(s));
        }
    }

    [Fact]
    public void A_joins_key_error_is_recorded_once_when_the_fact_comes()
    {
        var rule = Rule("by-key", new AndElement(P<Tag>("t"), P<Item>("i", C<Item, Tag>((i, t) => 100 / i.Value == t.Kind))));
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue }, rule);
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 50)]);
        Assert.Single(s.Errors); // before any token
        s.InsertAll([new Tag(1, 2, 0), new Tag(2, 3, 0)]);
        Assert.Single(s.Errors);
        Assert.Equal(["by-key(t=T1,i=I2)"], Live(s));
    }

    [Fact]
    public void A_memory_built_after_retractions_that_compact_the_order_replays_only_its_types_in_order()
    {
        // Items, claims and (as objects) both, interleaved over several pages of the insertion order; two thirds of
        // them retracted (the order is compacted) before the first tag brings the aggregates their first token.
        var perKind = Rule("items", new AndElement(P<Tag>("t"), new AggregateElement("g", AggregateKind.Collect, P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind)))));
        var everything = Rule("all", new AndElement(P<Tag>("t"), new AggregateElement("n", AggregateKind.Count, P<object>("o"))));
        var s = Session(perKind, everything);
        var items = Enumerable.Range(0, 12_000).Select(i => new Item(i, i % 2, i)).ToList();
        var claims = Enumerable.Range(0, 12_000).Select(i => new Claim(i, "p", 0)).ToList();
        s.InsertAll(items.Zip(claims, (i, c) => new object[] { i, c }).SelectMany(pair => pair).ToList());
        foreach (var i in items.Where(i => i.Id % 3 != 0)) s.Retract(i);
        foreach (var c in claims.Where(c => c.Id % 3 != 1)) s.Retract(c);
        Assert.Equal(8_000, s.Facts.Count);

        var tag = new Tag(1, 1, 0);
        s.Insert(tag);
        var matches = ((Session)s).LiveMatches();
        var collected = (IEnumerable<object>)Assert.Single(matches, m => m.Rule.Name == "items").Facts[1]!;
        Assert.Equal(items.Where(i => i.Id % 3 == 0 && i.Kind == 1), collected.Cast<Item>());
        Assert.Equal(8_001, Assert.Single(matches, m => m.Rule.Name == "all").Facts[1]);

        // Queries read the same types beside the order: each type alone, in insertion order, and all facts as objects.
        Assert.Equal(items.Where(i => i.Id % 3 == 0), s.Query<Item>());
        Assert.Equal(claims.Where(c => c.Id % 3 == 1), s.Query<Claim>());
        Assert.Equal(s.Facts, s.Query<object>());
        Assert.Empty(s.Query<Attribution>());
    }
}
