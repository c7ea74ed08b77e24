using FactCheck.Engine.Runtime;

namespace FactCheck.Engine.Tests;

/// <summary>
/// Random rules over random facts, random inserts/updates/retracts (and rules that insert, update and retract):
/// after every operation the engine's live matches must equal the reference evaluator's, as multisets.
/// </summary>
public sealed class PropertyTests
{
    private const int Cases = 2500;
    private const int ChainedCases = 600;

    [Fact]
    public void Engine_matches_equal_reference_under_random_operations()
    {
        for (var seed = 0; seed < Cases; seed++) RunCase(seed, chained: false);
    }

    [Fact]
    public void Forward_chaining_and_truth_maintenance_agree_with_reference()
    {
        for (var seed = 0; seed < ChainedCases; seed++) RunCase(100_000 + seed, chained: true);
    }

    private static void RunCase(int seed, bool chained)
    {
        var rng = new Random(seed);
        var gen = new RuleGenerator(rng);
        var rules = new List<RuleDefinition>();
        var count = rng.Next(1, 4);
        for (var i = 0; i < count; i++) rules.Add(gen.Rule(i));
        if (chained) rules.AddRange(ChainingRules());
        Session session;
        try
        {
            session = (Session)RuleCompiler.Compile(rules).CreateSession(new SessionOptions { ErrorPolicy = ErrorPolicy.Continue, MaxFirings = 10_000 });
        }
        catch (RuleCompilationException ex)
        {
            throw new InvalidOperationException($"seed {seed}: {ex.Message}\n  {string.Join("\n  ", rules.Select(r => r.Name + ": " + Describe.Of(r.Lhs)))}", ex);
        }

        var nextId = 1;
        var ops = rng.Next(5, 16);
        var log = new List<string>();
        for (var op = 0; op < ops; op++)
        {
            var facts = session.Facts.Where(f => f is Item or Tag).ToList();
            var roll = rng.Next(100);
            if (roll < 8 && facts.Count < 6)
            {
                object[] batch = [new Item(nextId++, rng.Next(4), rng.Next(5)), new Tag(nextId++, rng.Next(4), rng.Next(5))];
                log.Add($"insert all {batch[0]}, {batch[1]}");
                session.InsertAll(batch);
            }
            else if (facts.Count == 0 || (roll < 50 && facts.Count < 7))
            {
                object f = rng.Next(2) == 0 ? new Item(nextId++, rng.Next(4), rng.Next(5)) : new Tag(nextId++, rng.Next(4), rng.Next(5));
                log.Add($"insert {f}");
                session.Insert(f);
            }
            else if (roll < 70)
            {
                var f = facts[rng.Next(facts.Count)];
                log.Add($"retract {f}");
                session.Retract(f);
            }
            else
            {
                var f = facts[rng.Next(facts.Count)];
                var kind = rng.Next(4);
                var value = rng.Next(5);
                switch (f)
                {
                    case Item i: i.Kind = kind; i.Value = value; break;
                    case Tag t: t.Kind = kind; t.Value = value; break;
                }
                log.Add($"update {f}");
                session.Update(f);
            }
            if (chained)
            {
                session.Fire();
                CheckMarks(session, seed, log);
            }
            var expected = Canonical.Of(new ReferenceEvaluator(session.Facts).Matches(rules));
            var actual = Canonical.Of(session.LiveMatches());
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail($"seed {seed}: after\n  {string.Join("\n  ", log)}\nrules:\n  {string.Join("\n  ", rules.Select(r => r.Name + ": " + Describe.Of(r.Lhs)))}\n" +
                    $"expected: {string.Join(" ", expected)}\nactual:   {string.Join(" ", actual)}");
            }
        }
    }

    /// <summary>Linked marks: after firing, exactly one Mark per live match of "mark".</summary>
    private static void CheckMarks(Session session, int seed, List<string> log)
    {
        var expected = session.LiveMatches().Where(m => m.Rule.Name == "mark").Select(m => ((Item)m.Facts[0]!).Id).Order().ToList();
        var actual = session.Query<Mark>().Select(m => m.SourceId).Order().ToList();
        Assert.True(expected.SequenceEqual(actual), $"seed {seed}: marks {string.Join(",", actual)} but live mark matches {string.Join(",", expected)} after {string.Join("; ", log)}");
    }

    private static IEnumerable<RuleDefinition> ChainingRules()
    {
        yield return new RuleDefinition("mark", 0, R.P<Item>("x", R.C<Item>(x => x.Value >= 2)),
            [new RuleAction(ctx => ctx.InsertLinked(new Mark(ctx.Get<Item>("x").Id)))]);
        yield return new RuleDefinition("use-mark", 0, new AndElement(
                R.P<Mark>("m"),
                R.P<Tag>("t", R.C<Tag, Mark>((t, m) => t.Kind == m.SourceId % 4))),
            []);
        yield return new RuleDefinition("no-mark", 1, new AndElement(
                R.P<Item>("y"),
                new NotElement(R.P<Mark>("m", R.C<Mark, Item>((m, y) => m.SourceId == y.Id)))),
            []);
        yield return new RuleDefinition("bump", 2, R.P<Tag>("t", R.C<Tag>(t => t.Value == 4)),
            [new RuleAction(ctx =>
            {
                var t = ctx.Get<Tag>("t");
                t.Value = 1;
                ctx.Update(t);
            })]);
        yield return new RuleDefinition("drop", 3, R.P<Item>("x", R.C<Item>(x => x.Kind == 3 && x.Value == 0)),
            [new RuleAction(ctx => ctx.Retract(ctx.Get<Item>("x")))]);
    }
}
