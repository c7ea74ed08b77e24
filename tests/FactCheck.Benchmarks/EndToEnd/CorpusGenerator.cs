using System.Globalization;
using System.Text;

namespace FactCheck.Benchmarks.EndToEnd;

/// <summary>
/// Writes a synthetic claims corpus shaped like the seed story: many files, sources that derive from
/// wire copies, propositions with edges, claims with two appearances, stances, dates and citations,
/// and a share of real problems (drifting quotes, unattributed claims, opposite stances) for the rules.
/// </summary>
internal static class CorpusGenerator
{
    public const int ClaimsPerFile = 250;

    public static long Write(string directory, int claims, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var inv = CultureInfo.InvariantCulture;
        var sources = Math.Max(4, claims / 20);
        var propositions = Math.Max(2, claims / 10);
        long bytes = 0;

        var sb = new StringBuilder();
        sb.Append("sources:\n");
        for (var i = 0; i < sources; i++)
        {
            var day = 1 + (i % 28);
            if (i % 4 == 0)
            {
                sb.Append(inv, $"  - {{id: wire-{i}, kind: wire-copy, wire: AFP, authors: [Desk {i % 7}], published: 2023-11-{day:D2}}}\n");
            }
            else
            {
                sb.Append(inv, $"  - {{id: src-{i}, kind: article, title: \"Story {i}\", outlet: Outlet {i % 13}, authors: [Reporter {i % 17}], published: 2023-11-{day:D2}, derived_from: wire-{i - i % 4}}}\n");
            }
        }

        sb.Append("propositions:\n");
        for (var i = 0; i < propositions; i++)
        {
            sb.Append(inv, $"  - {{key: topic-{i / 10}.p{i}, description: Proposition number {i}");
            // A few short implication chains, as in real proposition files: every tenth proposition implies the next.
            if (i % 10 == 0 && i + 1 < propositions) sb.Append(inv, $", implies: [topic-{(i + 1) / 10}.p{i + 1}]");
            sb.Append("}\n");
        }

        bytes += WriteFile(Path.Combine(directory, "sources.yaml"), sb);

        for (var file = 0; file * ClaimsPerFile < claims; file++)
        {
            sb.Clear();
            sb.Append("# yaml-language-server: $schema=../src/FactCheck.Claims/Schema/claims.schema.json\nclaims:\n");
            for (var n = file * ClaimsPerFile; n < Math.Min(claims, (file + 1) * ClaimsPerFile); n++)
            {
                var source1 = 1 + (n % (sources - 1));
                if (source1 % 4 == 0) source1++;
                if (source1 >= sources) source1 = 1;
                // A claim is printed by two articles: of the same wire story for one claim in four, of
                // independent stories otherwise.
                var source2 = n % 4 == 0
                    ? (source1 + 1 < sources && (source1 + 1) % 4 != 0 ? source1 + 1 : 1)
                    : (source1 + 5) % sources;
                if (source2 % 4 == 0) source2 = (source2 + 1) % sources;
                if (source2 == source1) source2 = source1 == 1 ? 2 : 1;
                var day = 1 + (source1 % 28);
                // Most claims about a proposition agree; about one in ten takes the other side.
                var polarity = random.Next(10) == 0 ? "denies" : "asserts";
                var attribution = (n % 10) switch { 0 => "unattributed", 1 => "reported", 2 or 3 or 4 => "paraphrase", _ => "direct-quote" };
                var quote = $"The minister said the talks on item {n} were going well";
                var drift = n % 7 == 0 ? quote.Replace("going well", "going very well", StringComparison.Ordinal) : quote;
                sb.Append(inv, $"  - id: claim-{n}\n");
                sb.Append(inv, $"    statement: Statement {n} about proposition {n % propositions}.\n");
                sb.Append(inv, $"    claimant: {{name: Person {n % 97}, kind: person, role: Minister}}\n");
                sb.Append(inv, $"    made: {{text: on {Weekday(day)}, date: 2023-11-{day:D2}}}\n");
                sb.Append(inv, $"    stances:\n      - {{proposition: topic-{(n % propositions) / 10}.p{n % propositions}, stance: {polarity}}}\n");
                sb.Append("    appearances:\n");
                sb.Append(inv, $"      - source: src-{source1}\n        attribution: {attribution}\n        quote: \"{quote}\"\n        attributed_as: he said\n        dates: [on {Weekday(day)}]\n");
                sb.Append(inv, $"      - source: src-{source2}\n        attribution: {attribution}\n        quote: \"{drift}\"\n");
                if (n % 5 == 0) sb.Append(inv, $"    cites:\n      - {{as: a report published in June}}\n");
            }

            bytes += WriteFile(Path.Combine(directory, $"claims-{file:D4}.yaml"), sb);
        }

        return bytes;
    }

    /// <summary>November 2023 began on a Wednesday.</summary>
    private static string Weekday(int novemberDay) =>
        ((DayOfWeek)((novemberDay + 2) % 7)).ToString();

    private static long WriteFile(string path, StringBuilder text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }
}
