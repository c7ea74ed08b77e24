using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>One behaviour per node kind, with inserts, updates and retracts.</summary>
public sealed class NodeTests
{
    private static List<string> Live(ISession s) => Canonical.Of(((Session)s).LiveMatches());

    [Fact]
    public void Join_uses_key_and_residual_and_follows_updates_and_retracts()
    {
        var s = Session(Rule("same-kind", new AndElement(
            P<Item>("a"),
            P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Id > a.Id)))));
        var i1 = new Item(1, 0, 0);
        var i2 = new Item(2, 0, 0);
        var i3 = new Item(3, 1, 0);
        s.InsertAll([i1, i2, i3]);
        Assert.Equal(["same-kind(a=I1,b=I2)"], Live(s));
        i3.Kind = 0;
        s.Update(i3);
        Assert.Equal(["same-kind(a=I1,b=I2)", "same-kind(a=I1,b=I3)", "same-kind(a=I2,b=I3)"], Live(s));
        s.Retract(i1);
        Assert.Equal(["same-kind(a=I2,b=I3)"], Live(s));
        i2.Kind = 5;
        s.Update(i2);
        Assert.Empty(Live(s));
    }

    [Fact]
    public void Not_counts_blockers_in_any_order()
    {
        var rule = Rule("orphan", new AndElement(
            P<Claim>("c"),
            new NotElement(P<Attribution>("x", C<Attribution, Claim>((x, c) => x.ClaimId == c.Id)))));
        var c1 = new Claim(1, "p", 1);
        var x1 = new Attribution(1);
        var x1b = new Attribution(1);

        var s = Session(rule);
        s.Insert(x1);
        s.Insert(c1);
        Assert.Empty(Live(s));
        s.Insert(x1b);
        s.Retract(x1);
        Assert.Empty(Live(s));
        s.Retract(x1b);
        Assert.Equal(["orphan(c=C1)"], Live(s));

        var t = Session(rule);
        t.Insert(c1);
        Assert.Equal(["orphan(c=C1)"], Live(t));
        t.Insert(x1);
        Assert.Empty(Live(t));
        Assert.Empty(t.Agenda);
    }

    [Fact]
    public void Not_with_residual_test_remembers_pairs()
    {
        var s = Session(Rule("no-bigger", new AndElement(
            P<Item>("a"),
            new NotElement(P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Value > a.Value))))));
        var a = new Item(1, 0, 1);
        var b = new Item(2, 0, 5);
        s.InsertAll([a, b]);
        Assert.Equal(["no-bigger(a=I2)"], Live(s));
        // b shrinks: the retraction half of the update must not re-evaluate b's new value against a.
        b.Value = 0;
        s.Update(b);
        Assert.Equal(["no-bigger(a=I1)"], Live(s));
        s.Retract(a);
        Assert.Equal(["no-bigger(a=I2)"], Live(s));
    }

    [Fact]
    public void Exists_matches_once_whatever_the_count()
    {
        var s = Session(Rule("has-item", new AndElement(
            P<Tag>("t"),
            new ExistsElement(P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind))))));
        var t = new Tag(1, 2, 0);
        var i1 = new Item(2, 2, 0);
        var i2 = new Item(3, 2, 0);
        s.InsertAll([t, i1, i2]);
        Assert.Equal(["has-item(t=T1)"], Live(s));
        s.Retract(i1);
        Assert.Equal(["has-item(t=T1)"], Live(s));
        s.Retract(i2);
        Assert.Empty(Live(s));
    }

    [Fact]
    public void Count_sum_min_max_follow_changes()
    {
        RuleDefinition Agg(AggregateKind kind) => Rule(kind.ToString(), new AndElement(
            P<Tag>("t"),
            new AggregateElement("g", kind, P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind)),
                kind is AggregateKind.Count or AggregateKind.Collect ? null : (System.Linq.Expressions.Expression<Func<Item, int>>)(i => i.Value))));
        var s = Session(Agg(AggregateKind.Count), Agg(AggregateKind.Sum), Agg(AggregateKind.Min), Agg(AggregateKind.Max), Agg(AggregateKind.Collect));
        var t = new Tag(1, 0, 0);
        s.Insert(t);
        Assert.Equal(["Collect(t=T1,g=[])", "Count(t=T1,g=0)", "Sum(t=T1,g=0)"], Live(s));
        var i1 = new Item(2, 0, 4);
        var i2 = new Item(3, 0, 7);
        s.InsertAll([i1, i2]);
        Assert.Equal(["Collect(t=T1,g=[I2,I3])", "Count(t=T1,g=2)", "Max(t=T1,g=7)", "Min(t=T1,g=4)", "Sum(t=T1,g=11)"], Live(s));
        i2.Value = 1;
        s.Update(i2);
        Assert.Equal(["Collect(t=T1,g=[I2,I3])", "Count(t=T1,g=2)", "Max(t=T1,g=4)", "Min(t=T1,g=1)", "Sum(t=T1,g=5)"], Live(s));
        s.Retract(i1);
        s.Retract(i2);
        Assert.Equal(["Collect(t=T1,g=[])", "Count(t=T1,g=0)", "Sum(t=T1,g=0)"], Live(s));
    }

    [Fact]
    public void Aggregate_result_is_emitted_once_per_operation_and_only_when_changed()
    {
        var rule = Rule("count", new AndElement(
            P<Tag>("t"),
            new AggregateElement("n", AggregateKind.Count, P<Item>("i")),
            new ConditionElement(C<int>(n => n >= 2))));
        var s = Session(rule);
        var created = 0;
        s.ActivationCreated += (_, _) => created++;
        s.Insert(new Tag(1, 0, 0));
        s.InsertAll([new Item(2, 0, 0), new Item(3, 0, 0), new Item(4, 0, 0)]);
        Assert.Equal(1, created);
        Assert.Equal(["count(t=T1,n=3)"], Live(s));
        var i5 = new Item(5, 0, 0);
        s.Insert(i5);
        s.Update(i5); // same count: no new activation
        Assert.Equal(2, created);
    }

    [Fact]
    public void Group_by_yields_one_match_per_group()
    {
        var s = Session(Rule("groups", new AndElement(
            new AggregateElement("g", AggregateKind.GroupBy, P<Item>("i"), (System.Linq.Expressions.Expression<Func<Item, int>>)(i => i.Kind)),
            new ConditionElement(C<IFactGroup<int, Item>>(g => g.Count >= 2)))));
        var items = new[] { new Item(1, 0, 0), new Item(2, 1, 0), new Item(3, 0, 0), new Item(4, 2, 0) };
        s.InsertAll(items);
        Assert.Equal(["groups(g=G0:[I1,I3])"], Live(s));
        items[3].Kind = 1;
        s.Update(items[3]);
        Assert.Equal(["groups(g=G0:[I1,I3])", "groups(g=G1:[I2,I4])"], Live(s));
        var g = (IFactGroup<int, Item>)s.Agenda.Single(m => ((IFactGroup<int, Item>)m.Facts[0]!).Key == 1).Facts[0]!;
        Assert.Equal([2, 4], g.Select(i => i.Id));
    }

    [Fact]
    public void Aggregate_order_option_lists_facts_as_a_fresh_session_would_after_retract_and_reinsert()
    {
        var rules = RuleCompiler.Compile([
            Rule("all", new AggregateElement("g", AggregateKind.Collect, P<Item>("i"))),
            Rule("groups", new AggregateElement("g", AggregateKind.GroupBy, P<Item>("i"), (System.Linq.Expressions.Expression<Func<Item, int>>)(i => i.Kind))),
        ]);
        var byId = Comparer<object>.Create((a, b) => ((Item)a).Id.CompareTo(((Item)b).Id));
        static List<string> Lists(ISession s) => s.Agenda.Select(m => m.Facts[0] switch
        {
            IFactGroup<int, Item> g => $"G{g.Key}:{string.Join(",", g.Select(i => i.Id))}",
            var list => "all:" + string.Join(",", ((IEnumerable<Item>)list!).Select(i => i.Id)),
        }).Order(StringComparer.Ordinal).ToList();

        var items = new[] { new Item(3, 1, 0), new Item(1, 0, 0), new Item(4, 0, 0), new Item(2, 1, 0) };
        var ordered = rules.CreateSession(new SessionOptions { AggregateOrder = byId });
        var plain = rules.CreateSession();
        foreach (var s in new[] { ordered, plain })
        {
            s.InsertAll(items);
            s.Retract(items[1]);
            s.Insert(items[1]);
        }
        var fresh = rules.CreateSession(new SessionOptions { AggregateOrder = byId });
        fresh.InsertAll(items.Reverse());
        // The lists are by id, however the facts went in.
        Assert.Equal(["G0:1,4", "G1:2,3", "all:1,2,3,4"], Lists(ordered));
        Assert.Equal(Lists(ordered), Lists(fresh));
        // Without the option: insertion order, the re-inserted fact last.
        Assert.Equal(["G0:4,1", "G1:3,2", "all:3,4,2,1"], Lists(plain));

        // A comparer that throws is an error of the aggregate's rule; the facts keep insertion order.
        var throwing = rules.CreateSession(new SessionOptions
        {
            ErrorPolicy = ErrorPolicy.Continue,
            AggregateOrder = Comparer<object>.Create((_, _) => throw new InvalidOperationException("no order")),
        });
        throwing.InsertAll(items);
        Assert.Contains(throwing.Errors, e => e.Rule.Name == "all" && e.What.Contains("SessionOptions.AggregateOrder", StringComparison.Ordinal));
        Assert.Contains("all:3,1,4,2", Lists(throwing));
    }

    [Fact]
    public void Not_over_a_conjunction_uses_a_subnetwork()
    {
        // a tag with no (item of its kind that has a mark)
        var s = Session(Rule("unmarked", new AndElement(
            P<Tag>("t"),
            new NotElement(new AndElement(
                P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind)),
                P<Mark>("m", C<Mark, Item>((m, i) => m.SourceId == i.Id)))))));
        var t = new Tag(1, 0, 0);
        var i = new Item(2, 0, 0);
        var m = new Mark(2);
        s.InsertAll([t, i]);
        Assert.Equal(["unmarked(t=T1)"], Live(s));
        s.Insert(m);
        Assert.Empty(Live(s));
        s.Retract(i);
        Assert.Equal(["unmarked(t=T1)"], Live(s));
        s.Insert(i);
        Assert.Empty(Live(s));
        s.Retract(t);
        Assert.Empty(Live(s));
    }

    [Fact]
    public void Exists_over_alternatives()
    {
        var s = Session(Rule("any", new AndElement(
            P<Tag>("t"),
            new ExistsElement(new OrElement(
                P<Item>("i", C<Item, Tag>((i, t) => i.Kind == t.Kind)),
                P<Mark>("m", C<Mark, Tag>((m, t) => m.SourceId == t.Id)))))));
        var t = new Tag(1, 0, 0);
        s.Insert(t);
        Assert.Empty(Live(s));
        var m = new Mark(1);
        var i = new Item(2, 0, 0);
        s.Insert(m);
        s.Insert(i);
        Assert.Equal(["any(t=T1)"], Live(s));
        s.Retract(m);
        Assert.Equal(["any(t=T1)"], Live(s));
        s.Retract(i);
        Assert.Empty(Live(s));
    }

    [Fact]
    public void ForAll_on_the_base_fact_and_on_other_facts()
    {
        var allPositive = Rule("all-positive", new ForAllElement(P<Item>("i"), [P<Item>("i", C<Item>(i => i.Value > 0))]));
        var allMarked = Rule("all-marked", new ForAllElement(P<Item>("i"), [P<Mark>("m", C<Mark, Item>((m, i) => m.SourceId == i.Id))]));
        var s = Session(allPositive, allMarked);
        Assert.Equal(["all-marked()", "all-positive()"], Live(s));
        var i1 = new Item(1, 0, 1);
        s.Insert(i1);
        Assert.Equal(["all-positive()"], Live(s));
        s.Insert(new Mark(1));
        Assert.Equal(["all-marked()", "all-positive()"], Live(s));
        i1.Value = 0;
        s.Update(i1);
        Assert.Equal(["all-marked()"], Live(s));
    }

    [Fact]
    public void Or_gives_one_activation_per_matching_branch()
    {
        var s = Session(Rule("either", new OrElement(
            P<Item>("x", C<Item>(x => x.Kind == 0)),
            P<Item>("x", C<Item>(x => x.Value == 0)))));
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 1), new Item(3, 1, 1)]);
        Assert.Equal(["either(x=I1)", "either(x=I1)", "either(x=I2)"], Live(s));
    }

    [Fact]
    public void Condition_element_tests_earlier_bindings()
    {
        var s = Session(Rule("ordered", new AndElement(
            P<Item>("a"), P<Item>("b"), new ConditionElement(C<Item, Item>((a, b) => a.Value < b.Value)))));
        s.InsertAll([new Item(1, 0, 1), new Item(2, 0, 2)]);
        Assert.Equal(["ordered(a=I1,b=I2)"], Live(s));
    }

    [Fact]
    public void Equal_single_fact_conditions_share_one_alpha_node_and_join_keys_are_extracted()
    {
        var r1 = Rule("r1", P<Item>("x", C<Item>(x => x.Kind == 1)));
        var r2 = Rule("r2", new AndElement(
            P<Item>("y", C<Item>(y => y.Kind == 1)),
            P<Item>("z", C<Item, Item>((z, y) => z.Value == y.Value && z.Id != y.Id && z.Kind == 2))));
        var rs = (CompiledRuleSet)RuleCompiler.Compile([r1, r2]);
        var item = Assert.Single(rs.TypeNodes);
        Assert.Equal(1, item.Children.Count(c => c.Key is not null && c.Key.Contains("== 1")));
        var join = rs.Plans.OfType<FactCheck.Engine.Compilation.JoinPlan>().Last().Spec;
        Assert.NotNull(join.Keys);
        Assert.NotNull(join.Residual);
        // `z.Kind == 2` comes after the residual `z.Id != y.Id`, so it stays behind it (a guard keeps guarding).
        Assert.Same(item.Memory, join.Memory);
    }

    [Fact]
    public void Conditions_that_differ_only_inside_a_block_are_not_shared()
    {
        System.Linq.Expressions.LambdaExpression Guarded(bool swap)
        {
            var x = System.Linq.Expressions.Expression.Parameter(typeof(Item), "x");
            var a = System.Linq.Expressions.Expression.Variable(typeof(int), "a");
            var b = System.Linq.Expressions.Expression.Variable(typeof(int), "b");
            var body = System.Linq.Expressions.Expression.Block([a, b],
                System.Linq.Expressions.Expression.Assign(a, System.Linq.Expressions.Expression.Property(x, "Kind")),
                System.Linq.Expressions.Expression.Assign(b, System.Linq.Expressions.Expression.Property(x, "Value")),
                System.Linq.Expressions.Expression.GreaterThan(swap ? System.Linq.Expressions.Expression.Subtract(b, a) : System.Linq.Expressions.Expression.Subtract(a, b), System.Linq.Expressions.Expression.Constant(0)));
            return System.Linq.Expressions.Expression.Lambda(body, x);
        }
        var s = Session(
            Rule("kind-bigger", new PatternElement("x", typeof(Item), [Guarded(false)])),
            Rule("value-bigger", new PatternElement("x", typeof(Item), [Guarded(true)])));
        s.InsertAll([new Item(1, 5, 1), new Item(2, 1, 5)]);
        Assert.Equal(["kind-bigger(x=I1)", "value-bigger(x=I2)"], Live(s));
    }

    [Fact]
    public void Child_lists_drop_retracted_tokens_and_keep_their_order_under_churn()
    {
        // One long-lived left token and right facts retracted one by one: the retracted matches are only flagged in
        // the left token's children list, which must be compacted (bounded) and still retract in newest-first order.
        var deleted = new List<string>();
        var s = Session(Rule("same-kind", new AndElement(
            P<Item>("a", C<Item>(a => a.Value == 0)),
            P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Value > 0)))));
        s.ActivationDeleted += (_, e) => deleted.Add(Show(e.Match));
        var a = new Item(0, 1, 0);
        var bs = Enumerable.Range(1, 40).Select(i => new Item(i, 1, i)).ToList();
        s.Insert(a);
        s.InsertAll(bs);
        for (var round = 0; round < 50; round++)
        {
            var b = bs[(round * 7) % bs.Count];
            s.Retract(b);
            s.Insert(b);
        }
        var root = RootOf(s, a);
        var length = 0;
        for (var c = root.FirstChild; c is not null; c = c.NextSibling) length++;
        Assert.InRange(length, 40, 2 * 40 + FactCheck.Engine.Network.ChildList.Slack);
        Assert.Equal(40, Live(s).Count);

        deleted.Clear();
        s.Retract(a);
        // Newest match first: the order in which the b facts last (re-)entered.
        var lastEntry = new Dictionary<int, int>();
        for (var i = 0; i < bs.Count; i++) lastEntry[bs[i].Id] = i;
        for (var round = 0; round < 50; round++) lastEntry[bs[(round * 7) % bs.Count].Id] = bs.Count + round;
        var order = lastEntry.OrderByDescending(kv => kv.Value).Select(kv => $"same-kind(i0,i{kv.Key})").ToList();
        Assert.Equal(order, deleted);
    }

    private static FactCheck.Engine.Network.BetaToken RootOf(ISession s, object fact) => ((Session)s).HandleOf(fact)!.Root!;

    [Fact]
    public void Typed_join_keys_match_null_with_null_and_composite_keys_by_parts()
    {
        var s = Session(
            Rule("same-label", new AndElement(
                P<Item>("a"),
                P<Item>("b", C<Item, Item>((b, a) => b.Label == a.Label && b.Id > a.Id)))),
            Rule("same-kind-and-label", new AndElement(
                P<Item>("a"),
                P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Label == a.Label && b.Id > a.Id)))),
            Rule("no-same-value", new AndElement(
                P<Item>("a"),
                new NotElement(P<Tag>("t", C<Tag, Item>((t, a) => t.Value == a.Value))))));
        var i1 = new Item(1, 0, 1);
        var i2 = new Item(2, 1, 2);
        var i3 = new Item(3, 0, 3) { Label = "x" };
        var i4 = new Item(4, 0, 4) { Label = "x" };
        var t = new Tag(1, 0, 2);
        s.InsertAll([i1, i2, i3, i4, t]);
        Assert.Equal(
        [
            "no-same-value(a=I1)", "no-same-value(a=I3)", "no-same-value(a=I4)",
            "same-kind-and-label(a=I3,b=I4)",
            "same-label(a=I1,b=I2)", "same-label(a=I3,b=I4)",
        ], Live(s));
        i2.Label = "x";
        s.Update(i2);
        s.Retract(i1);
        t.Value = 4;
        s.Update(t);
        Assert.Equal(
        [
            "no-same-value(a=I2)", "no-same-value(a=I3)",
            "same-kind-and-label(a=I3,b=I4)",
            "same-label(a=I2,b=I3)", "same-label(a=I2,b=I4)", "same-label(a=I3,b=I4)",
        ], Live(s));
    }
    [Fact]
    public void Join_memories_keep_every_key_while_their_tables_double()
    {
        // 3,000 items over 1,500 strided keys (multiples of 1,024): the key table doubles from 16 buckets to 2,048.
        var s = Session(Rule("pair", new AndElement(
            P<Item>("a"),
            P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Id > a.Id)))));
        var items = Enumerable.Range(0, 3_000).Select(i => new Item(i, i / 2 * 1_024, 0)).ToList();
        s.InsertAll(items.Where(i => i.Id % 2 == 0).ToList());
        foreach (var item in items.Where(i => i.Id % 2 == 1)) s.Insert(item);
        Assert.Equal(1_500, Live(s).Count);
        foreach (var item in items.Where(i => i.Id % 4 == 1)) s.Retract(item);
        Assert.Equal(750, Live(s).Count);
        Assert.DoesNotContain(Live(s), m => m.EndsWith("b=I1)", StringComparison.Ordinal));
        Assert.Contains("pair(a=I2,b=I3)", Live(s));
    }

    [Fact]
    public void Opposite_bool_flags_are_a_join_key_and_nullable_flags_stay_a_test()
    {
        var rules = RuleCompiler.Compile([
            Rule("opposite", new AndElement(
                P<Switch>("a"),
                P<Switch>("b", C<Switch, Switch>((b, a) => b.Kind == a.Kind && b.On != a.On)))),
            Rule("differs", new AndElement(
                P<Switch>("a"),
                P<Switch>("b", C<Switch, Switch>((b, a) => a.Maybe != b.Maybe && b.Id > a.Id)))),
        ]);
        // The pairing on opposite flags probes a (kind, flag) key and tests nothing else; the nullable one (null != false
        // holds, null == !false does not) stays a residual test.
        var joins = ((CompiledRuleSet)rules).Plans.OfType<FactCheck.Engine.Compilation.JoinPlan>().Select(j => j.Spec).ToList();
        Assert.Contains(joins, j => j.Keys is not null && j.Residual is null);
        Assert.Contains(joins, j => j.Keys is null && j.Residual is not null);

        var s = rules.CreateSession();
        var s1 = new Switch(1, 0, true, null);
        var s2 = new Switch(2, 0, false, false);
        var s3 = new Switch(3, 0, true, true);
        var s4 = new Switch(4, 1, false, null);
        s.InsertAll([s1, s2, s3, s4]);
        Assert.Equal(
        [
            "differs(a=S1,b=S2)", "differs(a=S1,b=S3)", "differs(a=S2,b=S3)", "differs(a=S2,b=S4)", "differs(a=S3,b=S4)",
            "opposite(a=S1,b=S2)", "opposite(a=S2,b=S1)", "opposite(a=S2,b=S3)", "opposite(a=S3,b=S2)",
        ], Live(s));
        s4.Kind = 0;
        s.Update(s4);
        s2.On = true;
        s.Update(s2);
        Assert.Equal(
        [
            "differs(a=S1,b=S2)", "differs(a=S1,b=S3)", "differs(a=S2,b=S3)", "differs(a=S2,b=S4)", "differs(a=S3,b=S4)",
            "opposite(a=S1,b=S4)", "opposite(a=S2,b=S4)", "opposite(a=S3,b=S4)",
            "opposite(a=S4,b=S1)", "opposite(a=S4,b=S2)", "opposite(a=S4,b=S3)",
        ], Live(s));
    }

    /// <summary>A fact with a flag and a nullable flag.</summary>
    private sealed class Switch(int id, int kind, bool on, bool? maybe)
    {
        public int Id { get; } = id;
        public int Kind { get; set; } = kind;
        public bool On { get; set; } = on;
        public bool? Maybe { get; } = maybe;

        public override string ToString() => $"S{Id}";
    }
}
