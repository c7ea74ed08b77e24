using System.Linq.Expressions;
using CsCheck;

namespace FactCheck.Engine.NRules.Tests;

/// <summary>
/// Differential property tests: random rules over random facts, random inserts, updates, retracts and fires, run on
/// both engines side by side. After each fire the firings of that call must be equal as multisets (order is the
/// engines' own: docs/engine.md), and so must the facts the rules derived (linked facts: the truth-maintained state).
/// Rules with an aggregate, a forall or an exists over a conjunction are compared by what they derived only: NRules
/// re-fires such a match whenever a fact inside it was updated, the built-in engine only when the match changed (a
/// documented difference).
/// <c>FACTCHECK_DIFFERENTIAL_CASES</c> sets the number of cases (default 2,000).
/// </summary>
public sealed class DifferentialTests
{
    public interface IAB
    {
        int A { get; }

        int B { get; }
    }

    public sealed class P(int id, int a, int b) : IAB
    {
        public int Id { get; } = id;

        public int A { get; set; } = a;

        public int B { get; set; } = b;

        public override string ToString() => $"P{Id}";
    }

    public sealed class Q(int id, int a, int b) : IAB
    {
        public int Id { get; } = id;

        public int A { get; set; } = a;

        public int B { get; set; } = b;

        public override string ToString() => $"Q{Id}";
    }

    /// <summary>Derived by producer rules, matched by consumer rules.</summary>
    public sealed record D(int A, int B) : IAB
    {
        public override string ToString() => $"D({A},{B})";
    }

    /// <summary>What each rule derives for its match: the live set is the truth-maintained outcome.</summary>
    public sealed record Out(string Rule, string Match);

    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FACTCHECK_DIFFERENTIAL_CASES"), out var n) ? n : 2_000;

    /// <summary>Operation sequences run on each random rule set (NRules' compilation is most of a case's time).</summary>
    private const int SequencesPerRuleSet = 20;

    private static readonly int[] ProducerKinds = [0, 1, 2, 4];

    [Fact]
    public void Both_engines_fire_the_same_matches_and_derive_the_same_facts()
    {
        Gen.Int.Sample(Run, iter: Math.Max(1, Cases / SequencesPerRuleSet), threads: 1);
    }

    private static void Run(int seed)
    {
        var random = new Random(seed);
        var (rules, aggregated) = RandomRules(random);
        var compiled = new[] { RuleEngine.Default.Compile(rules), NRulesEngine.Instance.Compile(rules) };
        for (var i = 0; i < SequencesPerRuleSet; i++) Run(seed, i, random, rules, aggregated, compiled);
    }

    private static void Run(int seed, int sequence, Random random, List<RuleDefinition> rules, HashSet<string> aggregated, ICompiledRuleSet[] compiled)
    {
        var sessions = compiled.Select(c => c.CreateSession()).ToArray();
        var facts = new List<IAB>();
        var nextId = 0;
        var steps = random.Next(8, 30);
        for (var step = 0; step < steps; step++)
        {
            var op = random.Next(10);
            if (op < 4 || facts.Count == 0)
            {
                var batch = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => random.Next(2) == 0 ? (IAB)new P(++nextId, random.Next(3), random.Next(3)) : new Q(++nextId, random.Next(3), random.Next(3)))
                    .ToList();
                facts.AddRange(batch);
                foreach (var s in sessions) s.InsertAll(batch);
            }
            else if (op < 6)
            {
                var fact = facts[random.Next(facts.Count)];
                switch (random.Next(3))
                {
                    case 0: Set(fact, a: random.Next(3)); break;
                    case 1: Set(fact, b: random.Next(3)); break;
                }

                foreach (var s in sessions) s.Update(fact);
            }
            else if (op < 7)
            {
                var fact = facts[random.Next(facts.Count)];
                facts.Remove(fact);
                foreach (var s in sessions) s.Retract(fact);
            }
            else
            {
                var fired = sessions.Select(s => Fire(s, aggregated)).ToArray();
                Assert.True(Same(fired[0], fired[1]), $"seed {seed}, sequence {sequence}, step {step}: firings differ\nrules: {Rules(rules)}\nfactcheck: {Show(fired[0])}\nnrules:    {Show(fired[1])}");
                var derived = sessions.Select(Derived).ToArray();
                Assert.True(Same(derived[0], derived[1]), $"seed {seed}, sequence {sequence}, step {step}: derived facts differ\nrules: {Rules(rules)}\nfactcheck: {Show(derived[0])}\nnrules:    {Show(derived[1])}");
            }
        }
    }

    private static string Rules(List<RuleDefinition> rules) => string.Join("\n  ", rules.Select(r => $"{r.Name} (priority {r.Priority}): {r.Lhs}"));

    private static void Set(IAB fact, int? a = null, int? b = null)
    {
        switch (fact)
        {
            case P p:
                p.A = a ?? p.A;
                p.B = b ?? p.B;
                break;
            case Q q:
                q.A = a ?? q.A;
                q.B = b ?? q.B;
                break;
        }
    }

    private static List<string> Fire(ISession session, HashSet<string> aggregated)
    {
        var before = session.Firings.Count;
        session.Fire();
        return session.Firings.Skip(before).Where(f => !aggregated.Contains(f.Match.Rule.Name)).Select(f => Describe(f.Match)).ToList();
    }

    private static List<string> Derived(ISession session) =>
        [.. session.Query<Out>().Select(o => $"{o.Rule}: {o.Match}"), .. session.Query<D>().Select(d => d.ToString())];

    private static bool Same(List<string> a, List<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Show(List<string> items) => string.Join("; ", items.Order(StringComparer.Ordinal));

    private static string Describe(RuleMatch match)
    {
        var parts = new List<string>();
        for (var i = 0; i < match.Names.Count; i++) parts.Add($"{match.Names[i]}={Value(match.Facts[i])}");
        return $"{match.Rule.Name}({string.Join(", ", parts)})";
    }

    private static string Value(object? value) => value switch
    {
        IReadOnlyList<Q> list => "[" + string.Join(",", list.Select(q => q.Id).Order()) + "]",
        _ => value?.ToString() ?? "null",
    };

    // ------------------------------------------------------------------ random rules

    /// <summary>
    /// Producers (declared first) match P and insert D linked; consumers match P or D. Producers never read D and
    /// consumers never write what a rule reads, so the order of firings within a rule (newest first on the built-in
    /// engine, oldest first on NRules) cannot change what fires.
    /// </summary>
    private static (List<RuleDefinition> Rules, HashSet<string> Aggregated) RandomRules(Random random)
    {
        var rules = new List<RuleDefinition>();
        var aggregated = new HashSet<string>(StringComparer.Ordinal);
        var producers = random.Next(0, 3);
        var consumers = random.Next(1, 4);
        for (var i = 0; i < producers + consumers; i++)
        {
            var producer = i < producers;
            var first = !producer && producers > 0 && random.Next(2) == 0 ? typeof(D) : typeof(P);
            List<LambdaExpression> alpha = random.Next(3) == 0 ? [Alpha(random.Next(2))] : [];
            // Producers never use forall, subnetworks or aggregates, whose re-firings differ: a re-firing producer re-derives its facts.
            var kind = producer ? ProducerKinds[random.Next(ProducerKinds.Length)] : random.Next(11);
            // The name says the rule's shape, for a failure's message.
            var name = $"{(producer ? "produce" : "consume")}{i}-{first.Name}{(alpha.Count > 0 ? "-alpha" : "")}-kind{kind}";
            var lhs = new AndElement([new PatternElement("x", first, alpha), .. Element(kind, random)]);
            // Aggregates, forall and exists over a conjunction: NRules re-fires when a fact inside changed though the match
            // still holds (docs/engine.md).
            if (kind >= 6 || kind == 3 || kind == 5) aggregated.Add(name);
            var rule = name;
            List<RuleAction> actions = [new RuleAction(ctx => ctx.InsertLinked(new Out(rule, Describe(ctx.Match))), "out")];
            if (producer) actions.Add(new RuleAction(ctx => ctx.InsertLinked(new D(ctx.Get<IAB>("x").A, ctx.Get<IAB>("x").B % 2)), "derive"));
            // A rule reading derived facts never outranks their producers: NRules keeps a linked fact until its producer
            // fires again, so a higher rule would fire on the stale one first (docs/engine.md).
            rules.Add(new RuleDefinition(name, first != typeof(D) && random.Next(4) == 0 ? 1 : 0, lhs, actions));
        }

        return (rules, aggregated);
    }

    private static LambdaExpression Alpha(int parity)
    {
        Expression<Func<IAB, bool>> even = x => x.B % 2 == 0;
        Expression<Func<IAB, bool>> odd = x => x.B % 2 == 1;
        return parity == 0 ? even : odd;
    }

    private static RuleElement[] Element(int kind, Random random)
    {
        var k = random.Next(3);
        switch (kind)
        {
            case 0:
                return [new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A && q.B > x.B)])];
            case 1:
                return [new NotElement(new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A && q.B == x.B)]))];
            case 2:
                return [new ExistsElement(new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.B)]))];
            case 3:
                return random.Next(2) == 0
                    ? [new ForAllElement(
                        new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]),
                        [new PatternElement("p", typeof(P), [(Expression<Func<P, Q, bool>>)((p, q) => p.A == q.B)])])]
                    : [new ForAllElement(
                        new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]),
                        [new PatternElement("q", typeof(Q), [(Expression<Func<Q, bool>>)(q => q.B >= 1)])])];
            case 4:
                return [new OrElement(
                    new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]),
                    new NotElement(new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.B == x.B)])))];
            case 5:
                // A join and an exists over a conjunction.
                return [new ExistsElement(new AndElement(
                    new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]),
                    new PatternElement("r", typeof(Q), [(Expression<Func<Q, Q, bool>>)((r, q) => r.B == q.B && r.Id != q.Id)])))];
            case 6:
                return [
                    new AggregateElement("n", AggregateKind.Count, new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)])),
                    new ConditionElement(k == 0 ? (Expression<Func<int, bool>>)(n => n >= 1) : k == 1 ? (Expression<Func<int, bool>>)(n => n == 0) : (Expression<Func<int, bool>>)(n => n >= 2)),
                ];
            case 7:
                return [
                    new AggregateElement("s", AggregateKind.Sum, new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]), (Expression<Func<Q, int>>)(q => q.B)),
                    new ConditionElement(k == 0 ? (Expression<Func<int, bool>>)(s => s >= 2) : (Expression<Func<int, bool>>)(s => s < 2)),
                ];
            case 8:
                return [
                    new AggregateElement("m", random.Next(2) == 0 ? AggregateKind.Min : AggregateKind.Max,
                        new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.B == x.B)]), (Expression<Func<Q, int>>)(q => q.A)),
                    new ConditionElement(k == 0 ? (Expression<Func<int, bool>>)(m => m >= 1) : (Expression<Func<int, bool>>)(m => m < 2)),
                ];
            case 9:
                return [
                    new AggregateElement("c", AggregateKind.Collect, new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A && q.B != x.B)])),
                    new ConditionElement((Expression<Func<IReadOnlyList<Q>, bool>>)(c => c.Count >= 1)),
                ];
            default:
                // A chain: a join, then an aggregate over the joined fact.
                return [
                    new PatternElement("q", typeof(Q), [(Expression<Func<Q, IAB, bool>>)((q, x) => q.A == x.A)]),
                    new AggregateElement("n", AggregateKind.Count, new PatternElement("r", typeof(Q), [(Expression<Func<Q, Q, bool>>)((r, q) => r.B == q.B)])),
                    new ConditionElement((Expression<Func<int, IAB, bool>>)((n, x) => n > x.B)),
                ];
        }
    }
}
