using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using FactCheck.Engine;

/// <summary>The two rules on a rule engine: a contradiction join (pair rule) and an unattributed claim (a `not`).</summary>
internal static class Workload
{
    public static int Run(int n, IRuleEngine engine)
    {
        using var trace = Environment.GetEnvironmentVariable("FACTCHECK_GC_TRACE") == "1" ? new GcTrace() : null;
        var data = new Data(n);
        var facts = new List<object>(n + n / 2);
        facts.AddRange(data.Claims);
        facts.AddRange(data.Attributions);

        var m = new Measure();
        m.StartCompile();
        var rules = engine.Compile(Rules(out var counter));
        m.EndCompile();

        var session = rules.CreateSession(new SessionOptions { RecordFirings = false, MaxFirings = int.MaxValue });
        m.StartInsert();
        session.InsertAll(facts);
        m.EndInsert();
        var fired = session.Fire();
        m.EndFire();
        if (fired != counter.Count) throw new InvalidOperationException("firing count mismatch");

        var churn = "";
        if (n == 100_000)
        {
            // Retract and re-insert single claims; the re-inserted claim's activations wait on the agenda.
            const int rounds = 2_000;
            var claims = data.Claims;
            for (var i = 0; i < 200; i++)
            {
                session.Retract(claims[i]);
                session.Insert(claims[i]);
            }
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < rounds; i++)
            {
                var c = claims[(i * 7919) % n];
                session.Retract(c);
                session.Insert(c);
            }
            churn = string.Create(CultureInfo.InvariantCulture, $"{sw.Elapsed.TotalMilliseconds * 1000 / rounds:F1} µs");
        }

        m.Print(n, engine.Name, fired, churn);
        GC.KeepAlive(session);
        return 0;
    }

    private sealed class Counter
    {
        public int Count;
    }

    private static List<RuleDefinition> Rules(out Counter counter)
    {
        var c = new Counter();
        counter = c;
        // Built as LambdaExpressions, as the YAML rule compiler would, so join keys are extracted from them.
        Expression<Func<Claim, Claim, bool>> contradicts = (b, a) => b.Proposition == a.Proposition && b.Polarity != a.Polarity;
        Expression<Func<Attribution, Claim, bool>> attributes = (x, claim) => x.ClaimId == claim.Id;
        return
        [
            new RuleDefinition("contradiction", 0,
                new AndElement(new PatternElement("a", typeof(Claim)), new PatternElement("b", typeof(Claim), [contradicts])),
                [new RuleAction(ctx =>
                {
                    if (ctx.Get<Claim>("a").Id >= 0) c.Count++;
                })]),
            new RuleDefinition("unattributed", 0,
                new AndElement(new PatternElement("claim", typeof(Claim)), new NotElement(new PatternElement("x", typeof(Attribution), [attributes]))),
                [new RuleAction(ctx =>
                {
                    if (ctx.Get<Claim>("claim").Id >= 0) c.Count++;
                })]),
        ];
    }
}
