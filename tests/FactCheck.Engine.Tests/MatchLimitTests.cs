using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>The partial-match limit stops a join of two large sets as it grows, naming the rule, not after the pairs exist.</summary>
public sealed class MatchLimitTests
{
    private static RuleDefinition Pairs(string name) =>
        Rule(name, new AndElement(P<Item>("a", C<Item>(a => a.Kind == 1)), P<Item>("b", C<Item, Item>((b, a) => b.Kind == 2 && b.Value == a.Value))));

    [Fact]
    public void A_join_past_the_limit_stops_the_insert_and_names_the_rule()
    {
        var s = Session(new SessionOptions { MaxPartialMatches = 1_000 }, Pairs("all-pairs"), Rule("other", P<Item>("x", C<Item>(x => x.Kind == 3))));
        var facts = Enumerable.Range(0, 200).Select(i => (object)new Item(i, i < 100 ? 1 : 2, 7)).ToList();

        var ex = Assert.Throws<MatchLimitException>(() => s.InsertAll(facts));

        Assert.Equal("all-pairs", ex.Rule);
        Assert.Equal(1_000, ex.Limit);
        Assert.Contains("more than 1000 partial matches", ex.Message, StringComparison.Ordinal);
        // It stopped as the limit was reached: the 10,000 pairs were never built.
        Assert.Equal(1_000, ((Session)s).PartialMatches);
    }

    [Fact]
    public void Under_the_limit_every_pair_is_built()
    {
        var s = Session(new SessionOptions { MaxPartialMatches = 20_000 }, Pairs("all-pairs"));
        s.InsertAll(Enumerable.Range(0, 200).Select(i => (object)new Item(i, i < 100 ? 1 : 2, 7)).ToList());

        Assert.Equal(10_000, s.Agenda.Count);
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Session(new SessionOptions { MaxPartialMatches = 0 }, Pairs("p")));
    }
}
