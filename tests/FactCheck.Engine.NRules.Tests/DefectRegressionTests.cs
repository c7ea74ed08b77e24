using System.Linq.Expressions;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Language;

namespace FactCheck.Engine.NRules.Tests;

/// <summary>
/// The defects the comparison with NRules found in the built-in engine and the rules layer, each checked on both
/// engines.
/// </summary>
public sealed class DefectRegressionTests
{
    public sealed class Owner(int id)
    {
        public int Id { get; } = id;

        public override string ToString() => $"Owner#{Id}";
    }

    public sealed class Item(int owner, int value)
    {
        public int Owner { get; } = owner;

        public int Value { get; set; } = value;

        public override string ToString() => $"Item({Owner}, {Value})";
    }

    private static readonly Expression<Func<Item, Owner, bool>> OfOwner = (i, o) => i.Owner == o.Id;

    private static ISession Session(string engine, RuleElement lhs) =>
        Engines.Get(engine).Compile([new RuleDefinition("r", 0, lhs, [new RuleAction(_ => { })])]).CreateSession();

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Updating_a_collected_fact_keeps_its_place_in_the_collection(string engine)
    {
        var session = Session(engine, new AndElement(
            new PatternElement("o", typeof(Owner)),
            new AggregateElement("items", AggregateKind.Collect, new PatternElement("i", typeof(Item), [OfOwner]))));
        var owner = new Owner(1);
        Item[] items = [new(1, 1), new(1, 2), new(1, 3)];
        session.Insert(owner);
        session.InsertAll(items);
        Assert.Equal(1, session.Fire());

        session.Update(items[0]);
        var collected = engine == "nrules"
            ? session.Agenda.Single().Get<IReadOnlyList<Item>>("items")
            : session.Firings[^1].Match.Get<IReadOnlyList<Item>>("items");
        Assert.Equal(items, collected);
        // The built-in engine re-fires an aggregate only when its result changed; NRules re-fires whenever a
        // collected fact changed (docs/engine.md, differences).
        Assert.Equal(engine == "nrules" ? 1 : 0, session.Fire());
        Assert.Equal(items, session.Firings[^1].Match.Get<IReadOnlyList<Item>>("items"));
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Updating_a_fact_that_still_supports_an_exists_does_not_fire_it_again(string engine)
    {
        var session = Session(engine, new AndElement(
            new PatternElement("o", typeof(Owner)),
            new ExistsElement(new PatternElement("i", typeof(Item), [OfOwner]))));
        var owner = new Owner(1);
        Item[] items = [new(1, 1), new(1, 2)];
        session.Insert(owner);
        session.InsertAll(items);
        Assert.Equal(1, session.Fire());

        session.Update(items[0]);
        session.Update(items[1]);
        Assert.Equal(0, session.Fire());

        // Still the only support after the other goes: an update keeps it.
        session.Retract(items[1]);
        session.Update(items[0]);
        Assert.Equal(0, session.Fire());

        // Support gone, then back: that is a new match.
        items[0].Value = 5;
        session.Retract(items[0]);
        session.Insert(items[0]);
        Assert.Equal(1, session.Fire());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Updating_a_fact_that_still_supports_an_exists_over_a_conjunction_does_not_fire_it_again(string engine)
    {
        Expression<Func<Item, bool>> positive = i => i.Value > 0;
        var session = Session(engine, new AndElement(
            new PatternElement("o", typeof(Owner)),
            new ExistsElement(new AndElement(
                new PatternElement("i", typeof(Item), [OfOwner, positive]),
                new PatternElement("j", typeof(Item), [(Expression<Func<Item, Item, bool>>)((j, i) => j.Owner == i.Owner && j.Value > i.Value)])))));
        Item[] items = [new(1, 1), new(1, 2)];
        session.Insert(new Owner(1));
        session.InsertAll(items);
        Assert.Equal(1, session.Fire());

        session.Update(items[1]);
        Assert.Equal(0, session.Fire());

        // No longer supported: the match goes; supported again: it comes back and fires.
        items[1].Value = 0;
        session.Update(items[1]);
        Assert.Empty(session.Agenda);
        items[1].Value = 3;
        session.Update(items[1]);
        Assert.Equal(1, session.Fire());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Updating_the_fact_a_forall_requires_does_not_fire_it_again(string engine)
    {
        // Every owner has an item: the must-match pattern binds another name than the base.
        var session = Session(engine, new ForAllElement(
            new PatternElement("o", typeof(Owner)),
            [new PatternElement("i", typeof(Item), [OfOwner])]));
        Item[] items = [new(1, 1), new(2, 1)];
        session.InsertAll([new Owner(1), new Owner(2), .. items]);
        Assert.Equal(1, session.Fire());

        session.Update(items[0]);
        Assert.Equal(0, session.Fire());

        session.Retract(items[1]);
        Assert.Equal(0, session.Fire());
        session.Insert(items[1]);
        Assert.Equal(1, session.Fire());
    }

    [Theory]
    [MemberData(nameof(Engines.Names), MemberType = typeof(Engines))]
    public void Derived_stances_survive_updating_every_stance_unchanged(string engine)
    {
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root);
        var pack = RulePackLoader.Load(["rules"], RepositoryPaths.Root);
        Assert.Empty(pack.Diagnostics);
        var session = pack.Compile(engine: Engines.Get(engine)).CreateSession();
        session.InsertAll(FactProjection.Project(claims.ClaimSet));
        session.Fire();
        var derived = Derived(session);
        Assert.Equal(10, derived.Count);

        // Every claim's own stance (derived ones belong to the match that derived them: NRules lets no one else
        // update them). Each update retracts what was derived from the stance; the firing must derive it again.
        foreach (var stance in session.Query<StanceFact>().Where(s => !s.Derived)) session.Update(stance);

        session.Fire();
        Assert.Equal(derived, Derived(session));
    }

    private static List<string> Derived(ISession session) =>
        session.Query<StanceFact>().Where(s => s.Derived).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
}
