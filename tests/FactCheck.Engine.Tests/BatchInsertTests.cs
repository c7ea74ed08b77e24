using FactCheck.Engine.Runtime;
using static FactCheck.Engine.Tests.R;

namespace FactCheck.Engine.Tests;

/// <summary>
/// With <see cref="SessionOptions.RightInputsFirst"/>, <see cref="ISession.InsertAll"/> puts a batch's facts in the right
/// memories before their tokens go down the rule chains: the same matches as inserting the facts one by one, without the
/// tokens that a fact arriving a moment later would have retracted. Differential: random rule sets fed the same facts
/// both ways, checked against each other and against the reference evaluator.
/// </summary>
public sealed class BatchInsertTests
{
    private const int Cases = 600;

    [Fact]
    public void A_batch_makes_the_same_matches_and_firings_as_one_fact_at_a_time()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var rng = new Random(500_000 + seed);
            var gen = new RuleGenerator(rng);
            var rules = new List<RuleDefinition>();
            var count = rng.Next(1, 4);
            for (var i = 0; i < count; i++) rules.Add(gen.Rule(i));
            var set = RuleCompiler.Compile(rules);
            var batched = (Session)set.CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue, RightInputsFirst = true });
            var single = (Session)set.CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue });
            var nextId = 1;
            var log = new List<string>();
            // Two batches: the second meets memories the first built (or left unbuilt).
            for (var round = 0; round < 2; round++)
            {
                var facts = new List<object>();
                var n = rng.Next(1, 8);
                for (var i = 0; i < n; i++)
                    facts.Add(rng.Next(2) == 0 ? new Item(nextId++, rng.Next(4), rng.Next(5)) : new Tag(nextId++, rng.Next(4), rng.Next(5)));
                log.Add("insert all " + string.Join(", ", facts));
                batched.InsertAll(facts);
                foreach (var f in facts) single.Insert(f);

                var context = $"seed {500_000 + seed}: after\n  {string.Join("\n  ", log)}\nrules:\n  {string.Join("\n  ", rules.Select(r => r.Name + ": " + Describe.Of(r.Lhs)))}";
                var reference = Canonical.Of(new ReferenceEvaluator(batched.Facts).Matches(rules));
                Assert.True(reference.SequenceEqual(Canonical.Of(batched.LiveMatches())), $"{context}\nbatch live matches differ from the reference");
                Assert.True(reference.SequenceEqual(Canonical.Of(single.LiveMatches())), $"{context}\none-by-one live matches differ from the reference");
                Assert.Equal(Canonical.Of(((ISession)single).Agenda), Canonical.Of(((ISession)batched).Agenda));

                var before = (batched.Firings.Count, single.Firings.Count);
                batched.Fire();
                single.Fire();
                Assert.Equal(
                    Canonical.Of(single.Firings.Skip(before.Item2).Select(f => f.Match)),
                    Canonical.Of(batched.Firings.Skip(before.Item1).Select(f => f.Match)));
            }
        }
    }

    [Fact]
    public void A_batchs_matches_reach_the_agenda_in_the_order_of_their_tokens()
    {
        var pair = Rule("pair", new AndElement(P<Claim>("a"), P<Claim>("b", C<Claim, Claim>((b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity))));
        var batched = Session(new SessionOptions { RightInputsFirst = true }, pair);
        var plain = Session(pair);
        batched.InsertAll([new Claim(1, "p", 1), new Claim(2, "p", -1)]);
        plain.InsertAll([new Claim(1, "p", 1), new Claim(2, "p", -1)]);
        // c1's token made pair(c1,c2), then c2's made pair(c2,c1): newest first. In turn, c2 completed both, its token
        // first (pair(c2,c1)), then its right activation (pair(c1,c2)).
        Assert.Equal(["pair(c2,c1)", "pair(c1,c2)"], Agenda(batched));
        Assert.Equal(["pair(c1,c2)", "pair(c2,c1)"], Agenda(plain));
    }

    [Fact]
    public void A_batch_sends_no_token_through_a_not_that_a_later_fact_of_the_batch_blocks()
    {
        var orphan = Rule("orphan", new AndElement(
            P<Claim>("c"),
            new NotElement(P<Attribution>("x", C<Attribution, Claim>((x, c) => x.ClaimId == c.Id))),
            new ExistsElement(P<Item>("i"))));
        var batched = (Session)Session(new SessionOptions { RightInputsFirst = true }, orphan);
        var single = (Session)Session(orphan);
        var plain = (Session)Session(orphan);
        object[] facts = [new Claim(1, "p", 1), new Claim(2, "p", 1), new Attribution(1), new Item(1, 0, 0)];
        batched.InsertAll(facts);
        plain.InsertAll(facts);
        foreach (var f in facts) single.Insert(f);
        Assert.Equal(single.PartialMatches, plain.PartialMatches); // without the option, a batch is the facts in turn
        Assert.Equal(["orphan(c=C2)"], Canonical.Of(batched.LiveMatches()));
        Assert.Equal(["orphan(c=C2)"], Canonical.Of(single.LiveMatches()));
        // One by one, both claims passed the not (its attribution came later) and reached the exists; as a batch only
        // the claim without an attribution did (partial matches: its token and the not's; the root tokens; none for c1).
        Assert.True(batched.PartialMatches < single.PartialMatches, $"batch {batched.PartialMatches}, one by one {single.PartialMatches}");
    }
}
