using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>
/// Random claims files and random rule expressions, generated from grammars close to the real ones (so that most get
/// past the parser and reach the binder, the compiler and the engine): whatever they are, FactCheck answers with
/// diagnostics or rule errors, never an exception (which the command line turns into exit 3, "this is a bug").
/// Seeded, so a failure replays; FACTCHECK_FUZZ_CASES raises the count for a longer hunt.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FACTCHECK_FUZZ_CASES"), out var n) ? n : 2_000;

    private static readonly string[] ClaimKeys =
        ["id", "statement", "claimant", "made", "stances", "appearances", "cites", "review", "links", "ignore", "note", "name", "kind", "role",
         "text", "date", "proposition", "stance", "hedge", "source", "attribution", "quote", "attributed_as", "via", "dates", "as", "status",
         "same_as", "contradicts", "supports", "rule", "reason", "key", "description", "implies", "excludes", "outlet", "authors", "wire",
         "url", "language", "published", "derived_from", "title", "reviewer", "x", "<<", "? complex"];

    private static readonly string[] Scalars =
        ["s1", "c1", "p.x", "asserts", "denies", "article", "wire-copy", "direct-quote", "paraphrase", "person", "unreviewed", "true", "false",
         "null", "~", "0", "-1", "1e400", "0x1F", "2023-11-08", "2023-02-30", "2023-11", "on Wednesday", "last year", "nearly two years ago",
         "\"quoted \\u0000 text\"", "'single ''quoted'''", "|\n    block\n    text", ">-\n    folded", "\"\\t\\r\\n\"", "[]", "{}", "[a, b]",
         "{a: 1}", "&anchor x", "*anchor", "!!binary aGk=", "!custom x", "../../etc/passwd", "/etc/passwd", "texts/none.txt", "\u202e\u0007", "é"];

    private static readonly string[] Members =
        ["c.Id", "c.Statement", "c.Claimant", "c.ClaimantKind", "c.MadeText", "c.MadeDate", "c.Status", "c.Appearances", "c.Citations",
         "s.Id", "s.Kind", "s.Title", "s.Outlet", "s.Text", "s.HasText", "s.Published", "s.Language", "x.Nope", "c.Nope"];

    private static readonly string[] Literals =
        ["0", "1", "-1", "2", "9223372036854775807", "-9223372036854775808", "0.5", "1e308", "'x'", "''", "'Wednesday'", "null", "true", "false",
         "@2023-11-08", "@2023-02-29"];

    private static readonly string[] Functions =
        ["lower", "upper", "trim", "len", "contains", "startsWith", "endsWith", "isBlank", "fold", "normalizeQuote", "similarity", "count",
         "any", "abs", "coalesce", "date", "regex", "year", "isRelative", "sameDate", "isAfter", "nope"];

    private static readonly string[] Binary = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "and", "or", "in"];

    private readonly string _dir = Directory.CreateTempSubdirectory("factcheck-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Random_claims_files_give_diagnostics_never_an_exception()
    {
        var random = new Random(20231108);
        var bound = 0;
        for (var i = 0; i < Cases; i++)
        {
            var yaml = RandomClaimsFile(random);
            LoadResult result;
            try
            {
                result = ClaimsLoader.LoadText(yaml, "fuzz.yaml", _dir);
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{yaml}");
                throw;
            }

            bound += result.ClaimSet.Claims.Count + result.ClaimSet.Sources.Count;
        }

        // The generator must reach the binder, not only the YAML parser.
        Assert.True(bound > Cases / 10, $"only {bound} records bound in {Cases} random files: the generator is too weak");
    }

    [Fact]
    public void Random_claims_files_through_the_command_line_never_exit_3()
    {
        var random = new Random(7);
        var claims = Path.Combine(_dir, "claims");
        Directory.CreateDirectory(claims);
        for (var i = 0; i < Cases / 10; i++)
        {
            var yaml = RandomClaimsFile(random);
            File.WriteAllText(Path.Combine(claims, "fuzz.yaml"), yaml);
            var error = new StringWriter();
            var exit = FactCheckApp.Run(["validate"], TextWriter.Null, error, _dir);
            Assert.True(exit != ExitCodes.InternalError, $"case {i}: exit 3: {error}\n--- input ---\n{yaml}");
        }
    }

    [Fact]
    public void Random_rule_expressions_compile_and_run_or_fail_with_positioned_errors()
    {
        var random = new Random(1108);
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root).ClaimSet;
        var compiled = 0;
        const int perPack = 50;
        for (var pack = 0; pack < Cases / perPack; pack++)
        {
            var rules = new StringBuilder("rules:\n");
            for (var r = 0; r < perPack; r++)
            {
                var condition = Bool(random, 0);
                var message = random.Next(2) == 0 ? Text(random, 1) : Number(random, 1);
                rules.Append("  - id: fuzz.r").Append(r).Append('\n')
                    .Append("    title: Fuzz ").Append(r).Append('\n')
                    .Append("    severity: info\n    description: Random.\n    when:\n      - c: Claim\n      - s: Source\n")
                    .Append("        where: \"").Append(condition).Append("\"\n")
                    .Append("    then:\n      - flag: \"{").Append(message).Append("}\"\n");
            }

            var file = Path.Combine(_dir, "rules.yaml");
            File.WriteAllText(file, rules.ToString());
            try
            {
                var loaded = RulePackLoader.Load([file], _dir);
                compiled += loaded.Rules.Count;
                RuleRunner.Run(loaded, claims, maxFirings: 200_000);
            }
            catch (Exception ex)
            {
                Assert.Fail($"pack {pack} threw {ex.GetType().Name}: {ex.Message}\n--- rules ---\n{rules}");
            }
        }

        Assert.True(compiled > Cases / 10, $"only {compiled} of {Cases} random rules compiled: the generator is too weak");
    }

    private static string RandomClaimsFile(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0) text.Append("%YAML 1.2\n---\n");
        text.Append("sources:\n  - {id: s1, kind: article, outlet: O, authors: [A], published: 2023-11-08}\n");
        text.Append("propositions:\n  - {key: p.x, description: x}\n");
        text.Append(random.Next(3) == 0 ? "claims: " : "claims:\n");
        Node(text, random, 1, random.Next(2) == 0);
        if (random.Next(6) == 0) text.Append("\n---\nclaims: []\n");
        if (random.Next(8) == 0) text.Insert(random.Next(text.Length), Scalars[random.Next(Scalars.Length)]);
        return text.ToString();
    }

    /// <summary>A block sequence of claim-like mappings, nested a few levels, with the real keys and junk.</summary>
    private static void Node(StringBuilder text, Random random, int depth, bool flow)
    {
        var indent = new string(' ', depth * 2);
        var items = random.Next(0, 4);
        if (flow || depth > 3)
        {
            text.Append('[');
            for (var i = 0; i < items; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(random.Next(3) == 0
                    ? $"{{{ClaimKeys[random.Next(ClaimKeys.Length)]}: {Flow(random)}}}"
                    : Flow(random));
            }

            text.Append("]\n");
            return;
        }

        text.Append('\n');
        for (var i = 0; i < items; i++)
        {
            text.Append(indent).Append("- ");
            var keys = random.Next(1, 7);
            for (var k = 0; k < keys; k++)
            {
                if (k > 0) text.Append(indent).Append("  ");
                text.Append(ClaimKeys[random.Next(ClaimKeys.Length)]).Append(':');
                switch (random.Next(4))
                {
                    case 0:
                        Node(text, random, depth + 2, random.Next(2) == 0);
                        break;
                    default:
                        text.Append(' ').Append(Scalars[random.Next(Scalars.Length)].Replace("\n", "\n" + indent + "  ", StringComparison.Ordinal)).Append('\n');
                        break;
                }
            }
        }
    }

    private static string Flow(Random random)
    {
        var scalar = Scalars[random.Next(Scalars.Length)];
        return scalar.Contains('\n', StringComparison.Ordinal) || scalar.StartsWith('&') || scalar.StartsWith('*') ? "x" : scalar;
    }

    /// <summary>A condition from a typed grammar of the rule language; one node in ten is untyped, to reach the errors.</summary>
    private static string Bool(Random random, int depth)
    {
        if (random.Next(10) == 0) return Any(random, depth);
        if (depth > 3) return random.Next(2) == 0 ? "s.HasText" : "true";
        return random.Next(9) switch
        {
            0 => $"{Number(random, depth + 1)} {Pick(random, "<", "<=", ">", ">=", "==", "!=")} {Number(random, depth + 1)}",
            1 => $"{Text(random, depth + 1)} {Pick(random, "==", "!=", "<", ">")} {Text(random, depth + 1)}",
            2 => $"{Pick(random, "contains", "startsWith", "endsWith")}({Text(random, depth + 1)}, {Text(random, depth + 1)})",
            3 => $"isBlank({Text(random, depth + 1)})",
            4 => $"!({Bool(random, depth + 1)})",
            5 => $"{Bool(random, depth + 1)} {Pick(random, "&&", "||", "and", "or")} {Bool(random, depth + 1)}",
            6 => $"{Text(random, depth + 1)} in ['a', 'x', {Text(random, depth + 1)}]",
            7 => $"regex({Text(random, depth + 1)}, '{Pick(random, "a+", "^[0-9]+%", "(a+)+$", "[", "\\\\d")}')",
            _ => $"similarity({Text(random, depth + 1)}, {Text(random, depth + 1)}) > 0.5",
        };
    }

    private static string Number(Random random, int depth)
    {
        if (random.Next(10) == 0) return Any(random, depth);
        if (depth > 3) return Pick(random, "0", "1", "-1", "9223372036854775807", "c.Appearances", "0.5");
        return random.Next(8) switch
        {
            0 => Pick(random, "0", "1", "-1", "2", "9223372036854775807", "-9223372036854775808", "0.5", "1e308", "c.Appearances", "c.Citations"),
            1 => $"-({Number(random, depth + 1)})",
            2 => $"len({Text(random, depth + 1)})",
            3 => $"abs({Number(random, depth + 1)})",
            4 => $"({Number(random, depth + 1)})",
            _ => $"{Number(random, depth + 1)} {Pick(random, "+", "-", "*", "/", "%")} {Number(random, depth + 1)}",
        };
    }

    private static string Text(Random random, int depth)
    {
        if (random.Next(10) == 0) return Any(random, depth);
        if (depth > 3) return Pick(random, "'x'", "''", "c.Id", "s.Outlet");
        return random.Next(8) switch
        {
            0 => Pick(random, "'x'", "''", "'Wednesday'", "c.Id", "c.Statement", "c.Claimant", "c.MadeText", "s.Id", "s.Outlet", "s.Text", "s.Title"),
            1 => $"{Pick(random, "lower", "upper", "trim", "fold", "normalizeQuote")}({Text(random, depth + 1)})",
            2 => $"{Text(random, depth + 1)} + {Text(random, depth + 1)}",
            3 => $"coalesce({Text(random, depth + 1)}, {Text(random, depth + 1)})",
            4 => $"{Text(random, depth + 1)} + {Number(random, depth + 1)}",
            _ => Pick(random, "c.Id", "s.Text", "c.Statement"),
        };
    }

    /// <summary>Any expression, typed or not: where the binder's error paths are.</summary>
    private static string Any(Random random, int depth)
    {
        if (depth > 4) return Atom(random);
        return random.Next(10) switch
        {
            0 or 1 => Atom(random),
            2 => $"-({Any(random, depth + 1)})",
            3 => $"!({Any(random, depth + 1)})",
            4 => $"{Functions[random.Next(Functions.Length)]}({string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Any(random, depth + 1)))})",
            5 => $"({Any(random, depth + 1)})",
            6 => $"{Any(random, depth + 1)} in [{Atom(random)}, {Atom(random)}]",
            _ => $"{Any(random, depth + 1)} {Binary[random.Next(Binary.Length)]} {Any(random, depth + 1)}",
        };
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static string Atom(Random random) => random.Next(2) == 0 ? Members[random.Next(Members.Length)] : Literals[random.Next(Literals.Length)];
}
