using System.Diagnostics;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;
using YamlDotNet.Core;

namespace FactCheck.Benchmarks.EndToEnd;

/// <summary>Where loading time goes: YamlDotNet's parser alone, the YAML trees (from YamlDotNet's scanner, from the subset reader), the whole loader, the projection.</summary>
public sealed class LoadSuite : IBenchmarkSuite
{
    public string Name => "load";

    public string Description => "phases of loading a claims folder: load DIR [runs]";

    public int Run(string[] args)
    {
        var dir = args[0];
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var files = Directory.GetFiles(dir, "*.yaml");
        var texts = files.Select(File.ReadAllText).ToArray();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            string Allocations()
            {
                var now = GC.GetTotalAllocatedBytes(precise: true);
                var counts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var text = $"{(now - allocated) / (1024.0 * 1024.0):F0} MB, GCs {counts.Item1 - collections.Item1}/{counts.Item2 - collections.Item2}/{counts.Item3 - collections.Item3}";
                (allocated, collections) = (now, counts);
                return text;
            }

            long events = 0;
            foreach (var text in texts)
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext()) events++;
            }

            var parse = clock.Elapsed.TotalMilliseconds;
            var parseAllocated = Allocations();
            clock.Restart();
            foreach (var text in texts) YamlTreeReader.Read(text, "x", new List<Diagnostic>());
            var tree = clock.Elapsed.TotalMilliseconds;
            var treeAllocated = Allocations();
            clock.Restart();
            var subsetRead = 0;
            var reader = new SubsetYamlReader();
            foreach (var text in texts)
            {
                if (reader.TryRead(text, "x") is not null) subsetRead++;
            }

            var subset = clock.Elapsed.TotalMilliseconds;
            var subsetAllocated = Allocations();
            clock.Restart();
            foreach (var text in texts) ClaimsLoader.LoadText(text, "x.yaml", dir);
            var bind = clock.Elapsed.TotalMilliseconds;
            var bindAllocated = Allocations();
            clock.Restart();
            var keptTexts = new List<object>();
            foreach (var text in texts) keptTexts.Add(ClaimsLoader.LoadText(text, "x.yaml", dir));
            var bindKept = clock.Elapsed.TotalMilliseconds;
            var bindKeptAllocated = Allocations();
            keptTexts.Clear();
            clock.Restart();
            var kept = new List<object>();
            foreach (var file in files) kept.Add(ClaimsLoader.Load([file]));
            var perFile = clock.Elapsed.TotalMilliseconds;
            var perFileAllocated = Allocations();
            kept.Clear();
            clock.Restart();
            var loaded = ClaimsLoader.Load([dir]);
            var load = clock.Elapsed.TotalMilliseconds;
            var loadAllocated = Allocations();
            clock.Restart();
            var facts = FactProjection.Project(loaded.ClaimSet);
            var project = clock.Elapsed.TotalMilliseconds;
            var projectAllocated = Allocations();
            Console.WriteLine($"run {run}: YamlDotNet event parser alone, for comparison {parse:F0} ms ({events} events, 1 thread; {parseAllocated})");
            Console.WriteLine($"  tree from YamlDotNet's scanner {tree:F0} ms (1 thread; {treeAllocated}); subset reader {subset:F0} ms ({subsetRead} of {texts.Length} files; 1 thread; {subsetAllocated})");
            Console.WriteLine($"  tree+bind {bind:F0} ms (1 thread; {bindAllocated}); tree+bind, kept {bindKept:F0} ms (1 thread; {bindKeptAllocated})");
            Console.WriteLine($"  file by file, kept {perFile:F0} ms (1 thread; {perFileAllocated}); loader {load:F0} ms (parallel; {loadAllocated})");
            Console.WriteLine($"  projection {project:F0} ms ({facts.Count} facts; {projectAllocated})");
        }

        return 0;
    }
}
