using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>
/// A join's matches for the terminal right after it are agenda entries until they fire, and nothing after unless the
/// firing links facts to them: the same behaviour as activations (order, events, truth maintenance, retraction).
/// </summary>
public sealed class JoinMatchTests
{
    private static List<string> Live(ISession s) => Canonical.Of(((Session)s).LiveMatches());

    private static RuleDefinition Pair(Action<IActionContext>? action = null) =>
        Rule("pair", new AndElement(P<Claim>("a"), P<Claim>("b", C<Claim, Claim>((b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity))), action: action);

    private static readonly Claim C1 = new(1, "p", 1);
    private static readonly Claim C2 = new(2, "p", -1);
    private static readonly Claim C3 = new(3, "p", -1);

    [Fact]
    public void Fired_join_matches_leave_no_object_behind_and_still_hold()
    {
        var s = Session(Pair());
        s.InsertAll([C1, C2, C3]);
        Assert.Equal(["pair(c1,c3)", "pair(c3,c1)", "pair(c1,c2)", "pair(c2,c1)"], Agenda(s));
        Assert.Equal(4, s.Fire());
        var session = (Session)s;
        // Nothing is listed under the tokens: the fired matches were agenda entries only.
        foreach (var c in new[] { C1, C2, C3 }) Assert.Null(session.HandleOf(c)!.Root!.FirstChild);
        Assert.Equal(["pair(a=C1,b=C2)", "pair(a=C1,b=C3)", "pair(a=C2,b=C1)", "pair(a=C3,b=C1)"], Live(s));
        s.Retract(C2);
        Assert.Equal(["pair(a=C1,b=C3)", "pair(a=C3,b=C1)"], Live(s));
        Assert.Equal(0, s.Fire());
        s.Insert(C2); // matches again: fires again
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)"], Agenda(s));
    }

    [Fact]
    public void Retracted_join_matches_do_not_fire_and_the_rest_keep_their_order()
    {
        var s = Session(Pair());
        var fired = new List<string>();
        s.ActivationFired += (_, e) => fired.Add(Show(e.Match));
        s.InsertAll([C1, C2, C3]);
        s.Retract(C3);
        s.Fire();
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)"], fired);
    }

    [Fact]
    public void Events_report_join_matches_and_a_handler_attached_late_sees_waiting_ones_go()
    {
        var s = Session(Pair());
        var created = new List<string>();
        var deleted = new List<string>();
        s.ActivationCreated += (_, e) => created.Add(Show(e.Match));
        s.InsertAll([C1, C2, C3]);
        Assert.Equal(["pair(c2,c1)", "pair(c1,c2)", "pair(c3,c1)", "pair(c1,c3)"], created);
        Assert.Equal(1, s.Fire(1)); // pair(c1,c3)
        s.ActivationDeleted += (_, e) => deleted.Add(Show(e.Match));
        s.Retract(C2); // two waiting matches go
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)"], deleted.Order(StringComparer.Ordinal));
        Assert.Equal(["pair(c3,c1)"], Agenda(s));
        s.Retract(C3); // one waiting match goes; pair(c1,c3) fired already: no event
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)", "pair(c3,c1)"], deleted.Order(StringComparer.Ordinal));
        s.Insert(C3); // from now on matches are activations: their retraction is reported too
        Assert.Equal(["pair(c3,c1)", "pair(c1,c3)"], created.Skip(4));
        s.Retract(C1);
        Assert.Equal(["pair(c1,c3)", "pair(c3,c1)"], deleted.Skip(3).Order(StringComparer.Ordinal));
        Assert.Empty(s.Agenda);
    }

    [Fact]
    public void A_join_match_that_links_a_fact_keeps_it_while_the_match_holds()
    {
        var s = Session(Pair(ctx => Assert.True(ctx.InsertLinked(new Mark(ctx.Get<Claim>("a").Id * 10 + ctx.Get<Claim>("b").Id)))));
        s.InsertAll([C1, C2, C3]);
        s.Fire();
        Assert.Equal([12, 13, 21, 31], s.Query<Mark>().Select(m => m.SourceId).Order());
        s.Retract(C3); // the right fact of (1, 3) and the left fact of (3, 1)
        Assert.Equal([12, 21], s.Query<Mark>().Select(m => m.SourceId).Order());
        s.Insert(C3);
        s.Fire();
        Assert.Equal([12, 13, 21, 31], s.Query<Mark>().Select(m => m.SourceId).Order());
        Assert.Contains("pair(a=C1,b=C3)", Live(s));
    }

    [Fact]
    public void InsertLinked_after_a_join_match_went_away_in_its_firing_inserts_nothing()
    {
        var results = new List<bool>();
        var s = Session(Pair(ctx =>
        {
            ctx.Retract(ctx.Get<Claim>("b"));
            results.Add(ctx.InsertLinked(new Mark(ctx.Get<Claim>("a").Id)));
        }));
        s.InsertAll([C1, C2]);
        s.Fire(); // pair(c1,c2) retracts c2, so pair(c2,c1) goes too
        Assert.Equal([false], results);
        Assert.Equal([C1], s.Facts);
    }

    [Fact]
    public void A_throwing_action_of_a_join_match_names_its_facts()
    {
        var s = Session(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue }, Pair(_ => throw new InvalidOperationException("bad")));
        s.InsertAll([C1, C2]);
        Assert.Equal(2, s.Fire());
        Assert.Equal([[C1, C2], [C2, C1]], s.Errors.Select(e => e.Facts.ToArray()));
    }

    [Fact]
    public void Churn_without_firing_keeps_the_agenda_bounded()
    {
        // Retracting and re-inserting claims without firing leaves dead entries on the agenda; their count is known
        // roughly from the entries that went (a join's entries count their matches), so the agenda compacts itself.
        var claims = Enumerable.Range(0, 100).Select(i => new Claim(i, $"p{i % 10}", i / 10 % 2 == 0 ? 1 : -1)).ToList();
        var s = Session(Pair());
        s.InsertAll(claims);
        var rng = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var c = claims[rng.Next(claims.Count)];
            s.Retract(c);
            s.Insert(c);
        }
        var live = Live(s);
        Assert.Equal(500, live.Count); // 10 propositions of 5 + 5 claims: 2 x 25 pairs each
        Assert.True(((Session)s).Agenda.Count < 3 * live.Count + 4096, $"{((Session)s).Agenda.Count} agenda entries for {live.Count} matches");
        Assert.Equal(live.Count, s.Agenda.Count);
        Assert.Equal(live.Count, s.Fire());
    }
    [Fact]
    public void Join_matches_fire_as_activations_do_under_random_operations()
    {
        // The same random rules and operations on two sessions: one where join matches are agenda entries, one where an
        // ActivationDeleted handler makes every match an activation. Each Fire must fire the same matches, and the
        // linked marks and live matches must agree after every operation.
        for (var seed = 0; seed < 300; seed++)
        {
            var rng = new Random(5_000 + seed);
            var gen = new RuleGenerator(rng);
            var rules = Enumerable.Range(0, rng.Next(1, 4)).Select(gen.Rule).ToList();
            rules.Add(Rule("link", new AndElement(P<Item>("x"), P<Tag>("t", C<Tag, Item>((t, x) => t.Kind == x.Kind))), priority: 1,
                action: ctx => ctx.InsertLinked(new Mark(ctx.Get<Item>("x").Id * 1000 + ctx.Get<Tag>("t").Id))));
            rules.Add(Rule("marked", new AndElement(P<Mark>("m"), P<Item>("y", C<Item, Mark>((y, m) => y.Id == m.SourceId / 1000)))));
            rules.Add(Rule("retire", P<Tag>("t", C<Tag>(t => t.Value == 4)), priority: 2, action: ctx => ctx.Retract(ctx.Get<Tag>("t"))));
            var compiled = RuleCompiler.Compile(rules);
            var options = new SessionOptions { ErrorPolicy = ErrorPolicy.Continue, MaxFirings = 10_000 };
            var light = (Session)compiled.CreateSession(options);
            var full = (Session)compiled.CreateSession(options);
            full.ActivationDeleted += (_, _) => { };
            var nextId = 1;
            var log = new List<string>();
            for (var op = 0; op < 14; op++)
            {
                var facts = light.Facts.Where(f => f is Item or Tag).ToList();
                var roll = rng.Next(100);
                Action<ISession> apply;
                if (facts.Count == 0 || (roll < 50 && facts.Count < 8))
                {
                    object f = rng.Next(2) == 0 ? new Item(nextId++, rng.Next(3), rng.Next(5)) : new Tag(nextId++, rng.Next(3), rng.Next(5));
                    log.Add($"insert {f}");
                    apply = s => s.Insert(f);
                }
                else if (roll < 75)
                {
                    var f = facts[rng.Next(facts.Count)];
                    log.Add($"retract {f}");
                    apply = s => s.Retract(f);
                }
                else
                {
                    var f = facts[rng.Next(facts.Count)];
                    switch (f)
                    {
                        case Item i: i.Kind = rng.Next(3); i.Value = rng.Next(5); break;
                        case Tag t: t.Kind = rng.Next(3); t.Value = rng.Next(5); break;
                    }
                    log.Add($"update {f}");
                    apply = s => s.Update(f);
                }
                apply(light);
                apply(full);
                var fire = rng.Next(3) == 0;
                if (fire)
                {
                    log.Add("fire");
                    Assert.Equal(Fired(full), Fired(light));
                }
                var context = $"seed {seed}: {string.Join("; ", log)}";
                Assert.True(Marks(full).SequenceEqual(Marks(light)), context);
                Assert.True(Live(full).SequenceEqual(Live(light)), context);
                Assert.True(Agenda(full).Order(StringComparer.Ordinal).SequenceEqual(Agenda(light).Order(StringComparer.Ordinal)), context);
            }
        }

        static List<string> Fired(ISession s)
        {
            var from = s.Firings.Count;
            s.Fire();
            // Linked facts retracted in one operation may go in another order, and so may the matches they bring back:
            // the same matches fire, compared as a multiset.
            return s.Firings.Skip(from).Select(f => Canonical.Of([f.Match])[0]).Order(StringComparer.Ordinal).ToList();
        }

        static List<int> Marks(ISession s) => s.Query<Mark>().Select(m => m.SourceId).Order().ToList();
    }
}
