using System.Linq.Expressions;

namespace FactCheck.Engine.NRules.Tests;

/// <summary>The <see cref="ISession"/> contract, held by both engines: identity, order, errors, limits, truth maintenance.</summary>
public sealed class SessionContractTests
{
    public sealed record Claim(string Proposition, bool Polarity);

    public sealed record Finding(Claim A, Claim B);

    private static readonly Expression<Func<Claim, Claim, bool>> Contradicts = (b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity;

    private static ICompiledRuleSet Contradiction(string engine, Action<IActionContext>? action = null) => Engines.Get(engine).Compile([
        new RuleDefinition("contradiction", 0,
            new AndElement(new PatternElement("a", typeof(Claim)), new PatternElement("b", typeof(Claim), [Contradicts])),
            [new RuleAction(action ?? (ctx => ctx.InsertLinked(new Finding(ctx.Get<Claim>("a"), ctx.Get<Claim>("b")))), "find")]),
    ]);

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Equal_records_are_two_facts_kept_in_insertion_order(string engine)
    {
        var session = Contradiction(engine).CreateSession();
        Claim[] claims = [new("p", true), new("p", true), new("p", false)];
        session.InsertAll(claims);
        Assert.Equal(claims, session.Facts);
        Assert.Throws<InvalidOperationException>(() => session.Insert(claims[1]));
        Assert.Throws<InvalidOperationException>(() => session.InsertAll([new Claim("q", true), claims[0]]));
        Assert.False(session.TryUpdate(new Claim("p", true)));
        Assert.Throws<InvalidOperationException>(() => session.Retract(new Claim("p", true)));

        Assert.Equal(4, session.Fire());
        Assert.Equal(4, session.Query<Finding>().Count);
        Assert.Equal(4, session.Firings.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Linked_facts_follow_their_match(string engine)
    {
        var session = Contradiction(engine).CreateSession();
        var yes = new Claim("p", true);
        var no = new Claim("p", false);
        session.InsertAll([yes, no]);
        session.Fire();
        Assert.Equal(2, session.Query<Finding>().Count);

        // Updated unchanged: both matches fire again and their findings are replaced, not doubled.
        session.Update(yes);
        Assert.Equal(2, session.Fire());
        Assert.Equal(2, session.Query<Finding>().Count);

        session.Retract(no);
        Assert.Empty(session.Query<Finding>());
        Assert.Equal([yes], session.Facts);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_throwing_condition_is_false_and_recorded(string engine)
    {
        Expression<Func<Claim, bool>> throws = c => c.Proposition.Length > 0;
        var rules = Engines.Get(engine).Compile([new RuleDefinition("r", 0, new PatternElement("c", typeof(Claim), [throws]), [new RuleAction(_ => { })])]);
        var session = rules.CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue });
        var bad = new Claim(null!, true);
        session.InsertAll([bad, new Claim("p", true)]);
        var error = Assert.Single(session.Errors);
        Assert.Equal("r", error.Rule.Name);
        Assert.Equal([bad], error.Facts);
        Assert.IsType<NullReferenceException>(error.Exception);
        Assert.Equal(1, session.Fire());

        var stopping = rules.CreateSession();
        var thrown = Assert.Throws<RuleEvaluationException>(() => stopping.Insert(bad));
        Assert.Single(thrown.Errors);
        Assert.True(stopping.Contains(bad));
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_throwing_action_ends_its_firing_and_is_recorded(string engine)
    {
        var session = Contradiction(engine, _ => throw new InvalidOperationException("boom")).CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue });
        session.InsertAll([new Claim("p", true), new Claim("p", false)]);
        Assert.Equal(2, session.Fire());
        Assert.Equal(2, session.Errors.Count);
        Assert.All(session.Errors, e => Assert.Equal("action #1 (find)", e.What));

        var stopping = Contradiction(engine, _ => throw new InvalidOperationException("boom")).CreateSession();
        stopping.InsertAll([new Claim("p", true), new Claim("p", false)]);
        Assert.Throws<RuleEvaluationException>(() => stopping.Fire());
        Assert.Single(stopping.Agenda);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void A_loop_stops_at_the_limit_naming_its_rules(string engine)
    {
        var next = 0;
        var rules = Engines.Get(engine).Compile([
            new RuleDefinition("grow", 0, new PatternElement("c", typeof(Claim)), [new RuleAction(ctx => ctx.Insert(new Claim($"p{++next}", true)))]),
        ]);
        var session = rules.CreateSession(new SessionOptions { MaxFirings = 50 });
        session.Insert(new Claim("p", true));
        var loop = Assert.Throws<RuleLoopException>(() => session.Fire());
        Assert.Equal(50, loop.Firings);
        Assert.Equal(["grow"], loop.Rules);
        Assert.Single(session.Agenda);
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Priorities_order_the_rules_and_halt_stops_firing(string engine)
    {
        var order = new List<string>();
        var rules = Engines.Get(engine).Compile([
            new RuleDefinition("low", 0, new PatternElement("c", typeof(Claim)), [new RuleAction(_ => order.Add("low"))]),
            new RuleDefinition("high", 5, new PatternElement("c", typeof(Claim)), [new RuleAction(ctx => { order.Add("high"); if (order.Count == 2) ctx.Halt(); })]),
            new RuleDefinition("later", 0, new PatternElement("c", typeof(Claim)), [new RuleAction(_ => order.Add("later"))]),
        ]);
        var session = rules.CreateSession();
        session.InsertAll([new Claim("p", true), new Claim("q", true)]);
        Assert.Equal(2, session.Fire());
        Assert.Equal(["high", "high"], order);
        Assert.Equal(["low", "low", "later", "later"], session.Agenda.Select(m => m.Rule.Name));
        session.Fire();
        Assert.Equal(["high", "high", "low", "low", "later", "later"], order);
    }
}
