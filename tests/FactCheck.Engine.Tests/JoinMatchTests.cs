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
}
