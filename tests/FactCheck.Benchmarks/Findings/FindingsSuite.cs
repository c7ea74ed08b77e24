using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Benchmarks.Findings;

/// <summary>
/// The grouped findings at scale, with the bundled rules: one claim quoted by 400 sources (quote drift, circumstances,
/// second-hand chains per claim), and one proposition with 5,000 stances on each side (one conflict finding with
/// counts). Prints the median of the rule runs (projection, engine, findings) and the findings each gives.
/// </summary>
public sealed class FindingsSuite : IBenchmarkSuite
{
    public string Name => "findings";

    public string Description => "grouped findings at scale: findings [runs] [rules-dir] [--per-rule]";

    public int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var rules = args.Length > 1 ? args[1] : "rules";
        var pack = RulePackLoader.Load([rules]);
        if (pack.Diagnostics.Count > 0)
        {
            foreach (var d in pack.Diagnostics) Console.Error.WriteLine(d);
            return 2;
        }

        if (args.Contains("--per-rule"))
        {
            // Where the time goes: each rule alone (with the chain rules it may need), on the largest set.
            var set = ClaimsLoader.LoadText(OneProposition(5000, chained: true), "bench.yaml").ClaimSet;
            foreach (var rule in pack.Rules.Select(r => r.Id))
            {
                var only = pack.Rules.Select(r => r.Id).Where(id => id == rule || id.StartsWith("chain.", StringComparison.Ordinal)).ToList();
                var clock = Stopwatch.StartNew();
                RuleRunner.Run(pack, set, only);
                Console.WriteLine($"  {rule}: {clock.Elapsed.TotalMilliseconds:F0} ms");
            }

            return 0;
        }

        Measure("one claim quoted by 400 sources", OneClaimManySources(400), pack, runs);
        Measure("one proposition, 5,000 stances on each side", OneProposition(5000, chained: false), pack, runs);
        Measure("one proposition, 5,000 stances on each side, implying another", OneProposition(5000, chained: true), pack, runs);
        Measure("5,000 claims assert a proposition, 5,000 deny what it implies", OneProposition(5000, chained: true, denyImplied: true), pack, runs);
        return 0;
    }

    private static void Measure(string name, string yaml, RulePack pack, int runs)
    {
        var loaded = ClaimsLoader.LoadText(yaml, "bench.yaml");
        if (loaded.HasErrors) throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics.Take(5)));
        var set = loaded.ClaimSet;
        var times = new List<double>();
        var cpu = new List<double>();
        RunResult? last = null;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run <= runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = RuleRunner.Run(pack, set);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            // The first run compiles the rules' delegates and warms the JIT; it is not counted.
            if (run == 0) continue;
            times.Add(elapsed);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        var byRule = last!.Findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key} x{g.Count()}");
        Console.WriteLine($"{name}: {set.Claims.Count} claims, {set.Sources.Count} sources, {last.FactCount} facts");
        Console.WriteLine($"  rules (project, insert, fire, findings): median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs");
        // On a shared machine the wall clock waits for other processes: the process's CPU time is the work done.
        Console.WriteLine($"  CPU time of the process (all threads) per run: median {cpu[cpu.Count / 2]:F0} ms, min {cpu[0]:F0} ms, max {cpu[^1]:F0} ms");
        Console.WriteLine($"  findings: {last.Findings.Count} ({string.Join(", ", byRule)}); rule errors: {last.Errors.Count}");
        var longest = last.Findings.Where(f => f.RuleId.StartsWith("quotes.", StringComparison.Ordinal) || f.RuleId.StartsWith("contradiction.", StringComparison.Ordinal))
            .Select(f => f.Message).FirstOrDefault();
        if (longest is not null) Console.WriteLine($"  e.g. {(longest.Length > 400 ? longest[..400] + "..." : longest)}");
    }

    /// <summary>
    /// A primary transcript and 400 articles: most print the transcript's words, some a swapped word, some an excerpt,
    /// some drop a qualifier; paraphrases carry a quoted fragment; places and occasions vary as outlets word them.
    /// </summary>
    internal static string OneClaimManySources(int sources)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("sources:");
        yaml.AppendLine("  - {id: transcript, kind: transcript, primary: true, authors: [], published: 2023-11-08}");
        for (var i = 0; i < sources; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{id: s{i}, kind: article, outlet: Outlet {i}, authors: [Writer {i}], published: 2023-11-0{8 + i % 2}}}");
        }

        yaml.AppendLine("propositions: [{key: p.alliance, description: an alliance}]");
        yaml.AppendLine("claims:");
        yaml.AppendLine("  - id: putin-no-alliance");
        yaml.AppendLine("    statement: Russia and China are not building a military alliance.");
        yaml.AppendLine("    claimant: {name: Vladimir Putin, kind: person}");
        yaml.AppendLine("    made: {text: on Wednesday, date: 2023-11-08}");
        yaml.AppendLine("    stances: [{proposition: p.alliance, stance: denies}]");
        yaml.AppendLine("    appearances:");
        yaml.AppendLine("      - {source: transcript, attribution: direct-quote, quote: \"Russia and China are not building a Cold War-style military alliance\", place: Novo-Ogaryovo, occasion: talks with General Zhang Youxia, timing: at}");
        string[] quotes =
        [
            "Russia and China are not building a Cold War-style military alliance",
            "Russia and China are not forming a Cold War-style military alliance",
            "not building a Cold War-style military alliance",
            "Russia and China are not building a military alliance",
        ];
        for (var i = 0; i < sources; i++)
        {
            var place = i % 5 == 0 ? "Moscow" : "Novo-Ogaryovo";
            var dates = i % 2 == 0 ? "on Wednesday" : "on Wednesday";
            if (i % 7 == 0)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture,
                    $"      - {{source: s{i}, attribution: paraphrase, quote: 'Putin said they were not building a \"Cold War-style military alliance\"', fragments: [Cold War-style military alliance], place: {place}, dates: [{dates}]}}");
            }
            else
            {
                yaml.AppendLine(CultureInfo.InvariantCulture,
                    $"      - {{source: s{i}, attribution: direct-quote, quote: \"{quotes[i % quotes.Length]}\", place: {place}, occasion: receiving General Zhang, timing: at, dates: [{dates}]}}");
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// One proposition: <paramref name="perSide"/> claimants assert it, as many deny it, each in their own claim; when
    /// <paramref name="chained"/>, it implies another, so the chain rules derive a stance per asserting claim; with
    /// <paramref name="denyImplied"/>, the denying half denies the implied proposition instead (a conflict along the edge).
    /// </summary>
    internal static string OneProposition(int perSide, bool chained, bool denyImplied = false)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("sources: [{id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08}]");
        yaml.AppendLine(chained
            ? "propositions: [{key: p.contested, description: a contested proposition, implies: [p.weaker]}, {key: p.weaker, description: a weaker one}]"
            : "propositions: [{key: p.contested, description: a contested proposition}]");
        yaml.AppendLine("claims:");
        for (var i = 0; i < perSide * 2; i++)
        {
            var stance = i % 2 == 0 ? "asserts" : "denies";
            var proposition = i % 2 == 1 && denyImplied ? "p.weaker" : "p.contested";
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{id: c{i}, statement: x, claimant: {{name: Claimant {i}, kind: person}}, stances: [{{proposition: {proposition}, stance: {stance}}}], appearances: [{{source: s1, attribution: paraphrase, quote: q{i}}}]}}");
        }

        return yaml.ToString();
    }
}
