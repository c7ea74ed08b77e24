using System.Diagnostics;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;
using YamlDotNet.Core;

namespace FactCheck.Benchmarks.EndToEnd;

/// <summary>Where loading time goes: YamlDotNet's parser alone, our YAML tree, the whole loader, the projection.</summary>
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
            long events = 0;
            foreach (var text in texts)
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext()) events++;
            }

            var parse = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            foreach (var text in texts) YamlTreeReader.Read(text, "x", new List<Diagnostic>());
            var tree = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            foreach (var text in texts) ClaimsLoader.LoadText(text, "x.yaml", dir);
            var bind = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var kept = new List<object>();
            foreach (var file in files) kept.Add(ClaimsLoader.Load([file]));
            var perFile = clock.Elapsed.TotalMilliseconds;
            kept.Clear();
            clock.Restart();
            var loaded = ClaimsLoader.Load([dir]);
            var load = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var facts = FactProjection.Project(loaded.ClaimSet);
            var project = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"run {run}: parser only {parse:F0} ms ({events} events, 1 thread); tree {tree:F0} ms (1 thread); tree+bind {bind:F0} ms (1 thread); file by file, kept {perFile:F0} ms (1 thread); loader {load:F0} ms (parallel); projection {project:F0} ms ({facts.Count} facts)");
        }

        return 0;
    }
}
