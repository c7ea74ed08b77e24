using System.Diagnostics;
using System.Globalization;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Drafting;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Recorded;

namespace FactCheck.Benchmarks.Drafting;

/// <summary>
/// <c>draft [claims] [runs]</c>: drafting a 2,000-word article (the seed and corpus articles, concatenated) against
/// N recorded claims (default 100,000) held in memory: building the word-pair index, drafting with the index built,
/// both together, the index kept on disk (its key, reading it back, drafting with it), and <c>match</c> over all recorded
/// claims. Prints the median and range of each.
/// </summary>
public sealed class DraftSuite : IBenchmarkSuite
{
    public string Name => "draft";

    public string Description => "draft a 2,000-word article against N recorded claims: draft [claims=100000] [runs=15]";

    public int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var root = FindRoot();
        var bundled = ClaimsLoader.Load([Path.Combine(root, "claims")], root).ClaimSet;
        var set = Generate(bundled, count);
        var article = Article(root);
        var words = article.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        var request = new DraftRequest("benchmark-article") { Published = PartialDate.Parse("2023-11-08"), Outlet = "Bench" };
        Console.WriteLine($"{set.Claims.Count:N0} recorded claims ({set.Claims.Sum(c => c.Appearances.Count):N0} printings); article of {words:N0} words; {runs} runs each; {Environment.ProcessorCount} cores");

        var texts = set.Claims.SelectMany(c => c.Appearances.Select(a => a.Quote).Append(c.Statement)).ToList();
        var scratch = new List<ulong>();
        Report("word hashes only", Time(3, () =>
        {
            foreach (var t in texts)
            {
                scratch.Clear();
                WordHashes.Of(t, scratch);
            }
        }));
        ClaimIndex? index = null;
        Report("index build", Time(runs, () => index = ClaimIndex.Build(new LoadedClaims(set))));
        Draft? draft = null;
        Report("draft (index built)", Time(runs, () => draft = ClaimDrafter.Draft(article, request, index!.Claims, index)));
        Report("index + draft", Time(Math.Max(3, runs / 3), () => ClaimDrafter.Draft(article, request, set)));
        Console.WriteLine($"  drafted {draft!.Claims.Count} new claims and {draft.Matched.Count} appearances of recorded claims");

        // The index kept on disk between runs (what draft does on unchanged claims): the key alone, then key + read back.
        var folder = Path.Combine(Path.GetTempPath(), "fc-bench-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            var cache = new IndexCache(folder, minClaims: 0);
            var view = new LoadedClaims(set);
            cache.Get(view);
            Console.WriteLine($"  cache file {new DirectoryInfo(folder).GetFiles("*.idx").Sum(f => f.Length) / 1048576.0:F1} MiB");
            Report("index cache key", Time(runs, () => IndexCache.Key(new LoadedClaims(set))));
            Report("index from cache", Time(runs, () => cache.Get(new LoadedClaims(set))));
            if (cache.LastOutcome != "read") throw new InvalidOperationException("the cache was not read: " + cache.LastOutcome);
            Report("cached index + draft", Time(runs, () => ClaimDrafter.Draft(article, request, set, folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        IReadOnlyList<LookAlikePair>? pairs = null;
        Report("match (all claims)", Time(3, () => pairs = LookAlikes.Find(set)));
        Console.WriteLine($"  {pairs!.Count} unlinked look-alike pairs");
        return 0;
    }

    private static void Report(string what, (List<double> Wall, List<double> Cpu) ms)
    {
        ms.Wall.Sort();
        ms.Cpu.Sort();
        Console.WriteLine($"{what,-22} median {ms.Wall[ms.Wall.Count / 2],8:F1} ms   min {ms.Wall[0],8:F1}   max {ms.Wall[^1],8:F1}   (CPU median {ms.Cpu[ms.Cpu.Count / 2],8:F1} ms)");
    }

    /// <summary>Wall-clock and process CPU time of each run; on a shared, loaded machine the CPU time is the steadier figure.</summary>
    private static (List<double> Wall, List<double> Cpu) Time(int runs, Action action)
    {
        action(); // warm-up: JIT, first-use caches
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return (wall, cpu);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("FactCheck.sln not found");
    }

    /// <summary>The seed and corpus articles one after another until 2,000 words: real news prose with quotes.</summary>
    private static string Article(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "claims", "texts"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "FactCheck.Drafting.Tests", "Corpus"), "*.txt", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal);
        var text = new System.Text.StringBuilder();
        foreach (var f in files)
        {
            text.Append(File.ReadAllText(f)).Append("\n\n");
            if (text.ToString().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length >= 2000) break;
        }

        return text.ToString();
    }

    /// <summary>
    /// The bundled claims plus generated ones: 2,000 speakers, quotes of 4-25 words drawn from English function words and
    /// a 20,000-word vocabulary with a Zipf-like skew (so some word pairs are common, as in news), 1-3 printings each.
    /// </summary>
    private static ClaimSet Generate(ClaimSet bundled, int count)
    {
        var random = new Random(7);
        string[] function = ["the", "a", "of", "to", "and", "in", "is", "that", "for", "on", "we", "not", "will", "are", "with", "this", "it", "be", "by", "our"];
        var vocabulary = Enumerable.Range(0, 20_000).Select(i => Word(i)).ToArray();
        var speakers = Enumerable.Range(0, 2_000).Select(i => $"{Capital(Word(i * 7 + 1))} {Capital(Word(i * 13 + 5))}").ToArray();
        var sources = Enumerable.Range(0, 5_000).Select(i => new Reference($"gen-source-{i}", Location.None)).ToArray();
        var claims = new List<Claim>(bundled.Claims);
        for (var i = claims.Count; i < count; i++)
        {
            var n = random.Next(4, 26);
            var quote = string.Join(' ', Enumerable.Range(0, n).Select(_ =>
                random.NextDouble() < 0.4 ? function[random.Next(function.Length)] : vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))]));
            var printings = random.Next(1, 4);
            var appearances = Enumerable.Range(0, printings).Select(p => new Appearance(
                sources[random.Next(sources.Length)], AttributionKind.DirectQuote, p == 0 ? quote : Edit(quote, random), "said", null, [], Location.None)).ToList();
            var speaker = speakers[random.Next(speakers.Length)];
            claims.Add(new Claim(
                $"gen-{i}", quote + ".", new Claimant(speaker, ClaimantKind.Person, null, Location.None), null, [], appearances, [],
                new Review(ReviewStatus.Unreviewed, null, null, Location.None), ClaimLinks.Empty, [], null, Location.None));
        }

        return bundled with { Claims = claims };
    }

    private static string Edit(string quote, Random random)
    {
        var words = quote.Split(' ').ToList();
        var i = random.Next(words.Count);
        words[i] = random.Next(2) == 0 ? words[i] + "s" : "very";
        return string.Join(' ', words);
    }

    private static string Word(int i)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var sb = new System.Text.StringBuilder();
        var x = i + 17;
        for (var k = 0; k < 3 || x > 0; k++)
        {
            sb.Append(consonants[x % consonants.Length]).Append(vowels[(x / 16) % vowels.Length]);
            x /= 80;
        }

        return sb.ToString();
    }

    private static string Capital(string w) => char.ToUpperInvariant(w[0]) + w[1..];
}
