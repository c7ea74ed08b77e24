using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>Agenda order, forward chaining, truth maintenance, loops, errors, events and the session API.</summary>
public sealed class SessionTests
{
    private static List<string> Live(ISession s) => Canonical.Of(((Session)s).LiveMatches());

    [Fact]
    public void Agenda_orders_by_priority_then_rule_order_then_recency()
    {
        var low = Rule("low", P<Item>("x"), priority: 0);
        var high = Rule("high", P<Item>("x"), priority: 5);
        var lowToo = Rule("low-too", P<Item>("x"), priority: 0);
        var s = Session(low, high, lowToo);
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0)]);
        Assert.Equal(["high(i2)", "high(i1)", "low(i2)", "low(i1)", "low-too(i2)", "low-too(i1)"], Agenda(s));
        var fired = new List<string>();
        s.ActivationFired += (_, e) => fired.Add(Show(e.Match));
        Assert.Equal(6, s.Fire());
        Assert.Equal(["high(i2)", "high(i1)", "low(i2)", "low(i1)", "low-too(i2)", "low-too(i1)"], fired);
    }

    [Fact]
    public void A_long_agenda_keeps_recency_order_through_removals_and_compaction()
    {
        // Enough activations for several agenda chunks, two thirds of them removed at random, more added, some fired:
        // the agenda must stay exactly "newest first" over the live ones.
        var s = Session(Rule("item", P<Item>("x")));
        var rng = new Random(7);
        var live = new List<Item>();
        var next = 0;
        for (var round = 0; round < 6; round++)
        {
            var batch = Enumerable.Range(0, 3000).Select(_ => new Item(next++, 0, 0)).ToList();
            s.InsertAll(batch);
            live.AddRange(batch);
            foreach (var item in live.Where(_ => rng.Next(3) != 0).ToList())
            {
                s.Retract(item);
                live.Remove(item);
            }
            var fired = s.Fire(50);
            live.RemoveRange(live.Count - fired, fired);
            Assert.Equal(Enumerable.Reverse(live).Select(i => $"item(i{i.Id})"), Agenda(s));
        }
    }

    [Fact]
    public void Same_facts_in_same_order_fire_in_same_order_every_run()
    {
        List<string> Run()
        {
            var s = Session(
                Rule("pair", new AndElement(P<Item>("a"), P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Id != a.Id)))),
                Rule("single", P<Item>("a", C<Item>(a => a.Value > 1)), priority: 1));
            for (var i = 0; i < 30; i++) s.Insert(new Item(i, i % 4, i % 3));
            s.Fire();
            return s.Firings.Select(f => Show(f.Match)).ToList();
        }
        var first = Run();
        Assert.Equal(first, Run());
        Assert.Equal(first, Run());
        Assert.True(first.Count > 30);
    }

    [Fact]
    public void Fire_respects_the_limit_and_halt()
    {
        var s = Session(Rule("r", P<Item>("x"), action: ctx => { if (ctx.Get<Item>("x").Id == 2) ctx.Halt(); }));
        s.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0)]);
        Assert.Equal(1, s.Fire(1)); // i3
        Assert.Equal(1, s.Fire()); // i2 halts
        Assert.Equal(1, s.Fire());
        Assert.Equal(0, s.Fire());
    }

    [Fact]
    public void Forward_chaining_inserts_and_rules_react()
    {
        var s = Session(
            Rule("derive", P<Item>("x", C<Item>(x => x.Value > 0)), action: ctx => ctx.Insert(new Mark(ctx.Get<Item>("x").Id))),
            Rule("react", P<Mark>("m")));
        s.Insert(new Item(1, 0, 1));
        s.Fire();
        Assert.Single(s.Query<Mark>());
        Assert.Equal(["derive(x=I1)", "react(m=M1)"], Live(s));
        Assert.Equal(["derive(i1)", "react(M1)"], s.Firings.Select(f => Show(f.Match).Replace("Mark(1)", "M1")).ToList());
    }

    [Fact]
    public void Linked_facts_are_retracted_with_their_activation()
    {
        var s = Session(Rule("derive", new AndElement(
                P<Item>("x", C<Item>(x => x.Value > 0)),
                new NotElement(P<Tag>("t", C<Tag, Item>((t, x) => t.Kind == x.Id)))),
            action: ctx => Assert.True(ctx.InsertLinked(new Mark(ctx.Get<Item>("x").Id)))));
        var x = new Item(1, 0, 1);
        s.Insert(x);
        s.Fire();
        Assert.Single(s.Query<Mark>());
        var blocker = new Tag(9, 1, 0);
        s.Insert(blocker); // the not stops holding: the mark goes
        Assert.Empty(s.Query<Mark>());
        s.Retract(blocker);
        s.Fire();
        Assert.Single(s.Query<Mark>());
        x.Value = 0;
        s.Update(x); // the pattern stops holding
        Assert.Empty(s.Query<Mark>());
        x.Value = 2;
        s.Update(x);
        s.Fire();
        var mark = Assert.Single(s.Query<Mark>());
        s.Retract(mark); // an explicit retract unlinks it
        s.Retract(x);
        Assert.Empty(s.Query<Mark>());
    }

    [Fact]
    public void Several_facts_linked_to_one_activation_go_with_it_and_one_can_go_first()
    {
        var s = Session(Rule("derive-three", P<Item>("x"), action: ctx =>
        {
            var id = ctx.Get<Item>("x").Id;
            for (var i = 0; i < 3; i++) Assert.True(ctx.InsertLinked(new Mark(id * 10 + i)));
        }));
        var x = new Item(1, 0, 1);
        var y = new Item(2, 0, 1);
        s.InsertAll([x, y]);
        s.Fire();
        Assert.Equal(6, s.Query<Mark>().Count);

        var first = s.Query<Mark>().First(m => m.SourceId == 10);
        s.Retract(first); // taken out on its own: unlinked, the other two stay linked
        Assert.Equal(5, s.Query<Mark>().Count);
        s.Retract(x);
        Assert.Equal([20, 21, 22], s.Query<Mark>().Select(m => m.SourceId).Order());
        s.Retract(y);
        Assert.Empty(s.Query<Mark>());
    }

    [Fact]
    public void InsertLinked_after_the_match_went_away_inserts_nothing()
    {
        var s = Session(Rule("self-retract", P<Item>("x"), action: ctx =>
        {
            ctx.Retract(ctx.Get<Item>("x"));
            Assert.False(ctx.InsertLinked(new Mark(1)));
        }));
        s.Insert(new Item(1, 0, 0));
        s.Fire();
        Assert.Empty(s.Facts);
    }

    [Fact]
    public void A_loop_ends_with_an_error_naming_the_rules()
    {
        var s = Session(new SessionOptions { MaxFirings = 100 },
            Rule("ping", P<Item>("x", C<Item>(x => x.Value % 2 == 0)), action: ctx => { var x = ctx.Get<Item>("x"); x.Value++; ctx.Update(x); }),
            Rule("pong", P<Item>("x", C<Item>(x => x.Value % 2 == 1)), action: ctx => { var x = ctx.Get<Item>("x"); x.Value++; ctx.Update(x); }),
            Rule("bystander", P<Tag>("t")));
        s.Insert(new Item(1, 0, 0));
        var ex = Assert.Throws<RuleLoopException>(() => s.Fire());
        Assert.Equal(["ping", "pong"], ex.Rules.Order());
        Assert.Contains("ping", ex.Message);
        Assert.Single(s.Agenda); // consistent: the next activation waits
    }

    [Fact]
    public void A_throwing_condition_is_contained_and_reported()
    {
        var rule = Rule("ratio", new AndElement(
            P<Item>("a"),
            P<Item>("b", C<Item, Item>((b, a) => b.Id != a.Id && 10 / b.Value > a.Value))));
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue }, rule);
        var zero = new Item(1, 0, 0);
        var one = new Item(2, 0, 1);
        s.InsertAll([zero, one]);
        Assert.Equal(["ratio(a=I1,b=I2)"], Live(s));
        var error = Assert.Single(s.Errors);
        Assert.Equal("ratio", error.Rule.Name);
        Assert.IsType<DivideByZeroException>(error.Exception);
        Assert.Contains("10 / b.Value", error.What);
        Assert.Equal([one, zero], error.Facts);
        Assert.Same(((AndElement)rule.Lhs).Children[1], error.Element);
        // the state stays consistent: retracting the culprit works
        s.Retract(zero);
        Assert.Empty(Live(s));
    }

    [Fact]
    public void Stop_policy_throws_after_the_operation_completed()
    {
        var s = Session(
            Rule("null-label", P<Item>("x", C<Item>(x => x.Label!.Length > 0))),
            Rule("any", P<Item>("x")));
        var item = new Item(1, 0, 0);
        var ex = Assert.Throws<RuleEvaluationException>(() => s.Insert(item));
        Assert.IsType<NullReferenceException>(ex.Errors[0].Exception);
        Assert.Equal("null-label", ex.Errors[0].Rule.Name);
        Assert.True(s.Contains(item));
        Assert.Equal(["any(i1)"], Agenda(s));
        item.Label = "ok";
        s.Update(item);
        Assert.Equal(2, s.Agenda.Count);
    }

    [Fact]
    public void A_throwing_action_is_reported_and_firing_can_go_on()
    {
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue },
            new RuleDefinition("boom", 1, P<Item>("x"), [new RuleAction(_ => throw new InvalidOperationException("bad"), "explode"), new RuleAction(_ => Assert.Fail("not reached"))]),
            Rule("fine", P<Item>("x")));
        s.Insert(new Item(1, 0, 0));
        Assert.Equal(2, s.Fire());
        var e = Assert.Single(s.Errors);
        Assert.Equal("action #1 (explode)", e.What);
        Assert.Equal("boom", e.Rule.Name);

        var stop = Session(new RuleDefinition("boom", 1, P<Item>("x"), [new RuleAction(_ => throw new InvalidOperationException("bad"))]), Rule("fine", P<Item>("x")));
        stop.Insert(new Item(1, 0, 0));
        Assert.Throws<RuleEvaluationException>(() => stop.Fire());
        Assert.Equal(1, stop.Fire());
    }

    [Fact]
    public void Events_report_created_fired_and_deleted_activations()
    {
        var s = Session(Rule("r", P<Item>("x")));
        var log = new List<string>();
        s.ActivationCreated += (_, e) => log.Add("created " + Show(e.Match));
        s.ActivationDeleted += (_, e) => log.Add("deleted " + Show(e.Match));
        s.ActivationFired += (_, e) => log.Add("fired " + Show(e.Match));
        var i1 = new Item(1, 0, 0);
        var i2 = new Item(2, 0, 0);
        s.InsertAll([i1, i2]);
        s.Retract(i1);
        s.Fire();
        s.Retract(i2); // already fired: no deleted event
        Assert.Equal(["created r(i1)", "created r(i2)", "deleted r(i1)", "fired r(i2)"], log);
    }

    [Fact]
    public void Firings_explain_the_rule_and_the_facts_in_order()
    {
        var s = Session(Rule("pair", new AndElement(P<Claim>("a"), P<Claim>("b", C<Claim, Claim>((b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity)))));
        var c1 = new Claim(1, "p", 1);
        var c2 = new Claim(2, "p", -1);
        s.InsertAll([c1, c2]);
        s.Fire();
        Assert.Equal(2, s.Firings.Count);
        var first = s.Firings[0];
        Assert.Equal(1, first.Sequence);
        Assert.Equal("pair", first.Match.Rule.Name);
        Assert.Equal(["a", "b"], first.Match.Names);
        Assert.Equal([c1, c2], first.Match.Facts);
        Assert.Same(c2, first.Match.Get<Claim>("b"));
    }

    [Fact]
    public void Session_api_checks_its_input()
    {
        var s = Session(Rule("r", P<Claim>("c")));
        var c = new Claim(1, "p", 1);
        var twin = new Claim(1, "p", 1); // equal record, distinct fact
        s.Insert(c);
        s.Insert(twin);
        Assert.Equal(2, s.Query<Claim>().Count);
        Assert.Throws<InvalidOperationException>(() => s.Insert(c));
        Assert.False(s.TryInsert(c));
        Assert.Throws<ArgumentNullException>(() => s.Insert(null!));
        Assert.Throws<InvalidOperationException>(() => s.InsertAll([new Claim(3, "q", 1), c]));
        Assert.Equal(2, s.Facts.Count); // InsertAll checks before inserting anything
        var fresh = new Claim(4, "q", 1);
        Assert.Throws<InvalidOperationException>(() => s.InsertAll([fresh, new Claim(5, "q", 1), fresh]));
        Assert.Throws<ArgumentException>(() => s.InsertAll([fresh, null!]));
        Assert.False(s.Contains(fresh)); // a refused InsertAll leaves no trace
        s.InsertAll([fresh]);
        Assert.Equal(3, s.Facts.Count);
        s.Retract(fresh);
        s.Retract(c);
        Assert.Throws<InvalidOperationException>(() => s.Retract(c));
        Assert.False(s.TryRetract(c));
        Assert.Throws<InvalidOperationException>(() => s.Update(c));
        Assert.False(s.TryUpdate(c));
        Assert.Equal([twin], s.Facts);
    }

    [Fact]
    public void Facts_keep_insertion_order_through_many_retractions()
    {
        var s = Session(Rule("r", P<Item>("x")));
        var items = Enumerable.Range(0, 300).Select(i => new Item(i, 0, 0)).ToList();
        s.InsertAll(items);
        foreach (var i in items.Where(i => i.Id % 3 != 0)) s.Retract(i); // 200 holes: the order is compacted
        var kept = items.Where(i => i.Id % 3 == 0).ToList();
        Assert.Equal(kept, s.Facts);
        s.Update(kept[0]); // keeps its place
        var late = new Item(1000, 0, 0);
        s.Insert(late);
        Assert.Equal([.. kept, late], s.Facts);
        Assert.Equal([.. kept, late], s.Query<Item>());
        Assert.Equal(kept.Count + 1, s.Fire());
    }

    [Fact]
    public void Event_handlers_cannot_corrupt_a_running_operation()
    {
        var s = Session(Rule("r", P<Item>("x")));
        s.ActivationCreated += (sender, _) => ((ISession)sender!).TryInsert(new Tag(99, 0, 0));
        s.Insert(new Item(1, 0, 0)); // events are raised after the operation, so the handler's insert is a normal one
        Assert.Single(s.Query<Tag>());
    }

    [Fact]
    public void A_compiled_rule_set_is_shared_by_concurrent_sessions()
    {
        var rules = RuleCompiler.Compile([Rule("pair", new AndElement(P<Item>("a"), P<Item>("b", C<Item, Item>((b, a) => b.Kind == a.Kind && b.Id < a.Id))))]);
        var counts = new int[8];
        Parallel.For(0, counts.Length, i =>
        {
            var s = rules.CreateSession();
            for (var k = 0; k < 200; k++) s.Insert(new Item(k, k % 10, 0));
            counts[i] = s.Fire();
        });
        Assert.All(counts, c => Assert.Equal(10 * (20 * 19 / 2), c));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Inserts_and_retracts_in_every_order_give_the_same_matches(int permutation)
    {
        var rule = Rule("chain", new AndElement(
            P<Item>("a", C<Item>(a => a.Kind == 0)),
            P<Item>("b", C<Item, Item>((b, a) => b.Kind == 1 && b.Value == a.Value)),
            new NotElement(P<Tag>("t", C<Tag, Item>((t, b) => t.Kind == b.Id))),
            P<Mark>("m", C<Mark, Item>((m, a) => m.SourceId == a.Id))));
        var a = new Item(1, 0, 5);
        var b = new Item(2, 1, 5);
        var m = new Mark(1);
        object[] facts = [a, b, m];
        int[][] orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        var order = orders[permutation];
        var s = Session(rule);
        foreach (var i in order) s.Insert(facts[i]);
        Assert.Equal(["chain(a=I1,b=I2,m=M1)"], Live(s));
        var t = new Tag(3, 2, 0);
        s.Insert(t);
        Assert.Empty(Live(s));
        s.Retract(t);
        Assert.Equal(["chain(a=I1,b=I2,m=M1)"], Live(s));
        foreach (var i in order.Reverse())
        {
            s.Retract(facts[i]);
            Assert.Empty(Live(s));
            s.Insert(facts[i]);
            Assert.Equal(["chain(a=I1,b=I2,m=M1)"], Live(s));
            s.Update(facts[i]);
            Assert.Equal(["chain(a=I1,b=I2,m=M1)"], Live(s));
        }
        foreach (var i in order) s.Retract(facts[i]);
        Assert.Empty(Live(s));
        Assert.Empty(s.Agenda);
    }
}
