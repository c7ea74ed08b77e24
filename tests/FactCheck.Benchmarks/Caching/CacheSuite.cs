using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactCheck.Claims.Caching;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;

namespace FactCheck.Benchmarks.Caching;

/// <summary>
/// The parsed-file cache on a claims folder, in process: loading without it, the first load with it (parse and
/// store), a warm load, and where a warm load's time goes (hashing the claims files, reading the entries, checking
/// their digests, decoding). For the choice of format, the same per-file results through System.Text.Json with
/// source generation: bytes and decoding time beside the binary form's.
/// </summary>
public sealed class CacheSuite : IBenchmarkSuite
{
    public string Name => "cache";

    public string Description => "the parsed-file cache: cache DIR [runs]";

    public int Run(string[] args)
    {
        var dir = Path.GetFullPath(args[0]);
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var folder = Directory.CreateTempSubdirectory("factcheck-cache-bench-").FullName;
        try
        {
            var plain = Median(runs, () => ClaimsLoader.Load([dir], dir));
            var cache = ParsedFileCache.Open(folder)!;
            var cold = Time(() => ClaimsLoader.Load([dir], dir, cache));
            var warm = Median(runs, () => ClaimsLoader.Load([dir], dir, cache));
            var entries = Directory.GetFiles(folder, "*" + ParsedFileCache.Extension);
            var entryBytes = entries.Sum(e => new FileInfo(e).Length);
            Console.WriteLine($"load {dir}: without the cache {plain:F0} ms; first with it (parse and store) {cold:F0} ms; warm {warm:F0} ms ({cache.LastLoad})");

            var files = Directory.GetFiles(dir, "*.yaml", SearchOption.AllDirectories);
            var hash = Median(runs, () => files.AsParallel().Select(f => SHA256.HashData(File.ReadAllBytes(f))).ToList());
            var read = Median(runs, () => entries.AsParallel().Select(File.ReadAllBytes).ToList());
            var bytes = entries.Select(File.ReadAllBytes).ToArray();
            var digest = Median(runs, () => bytes.AsParallel().Select(b => SHA256.HashData(b.AsSpan(80))).ToList());
            var decode = Median(runs, () => bytes.AsParallel().Select(b => EntryReader.Read(b, 80, b.Length - 80)).ToList());
            var decodeOne = Median(runs, () => bytes.Select(b => EntryReader.Read(b, 80, b.Length - 80)).ToList());
            Console.WriteLine(
                $"warm load's parts (2 cores unless said): hash {files.Length} claims files {hash:F0} ms; read {entries.Length} entries "
                + $"({entryBytes / 1048576.0:F1} MiB) {read:F0} ms; check digests {digest:F0} ms; decode {decode:F0} ms (1 core {decodeOne:F0} ms)");

            var results = bytes.Select(b => EntryReader.Read(b, 80, b.Length - 80)).ToArray();
            var encodeOne = Median(runs, () => results.Select(EntryWriter.Payload).ToList());
            Console.WriteLine($"storing's main part: encode {encodeOne:F0} ms (1 core)");
            var json = results.Select(r => JsonSerializer.SerializeToUtf8Bytes(r, CacheJson.Default.CachedFile)).ToArray();
            var jsonDecode = Median(runs, () => json.AsParallel().Select(j => JsonSerializer.Deserialize(j, CacheJson.Default.CachedFile)).ToList());
            var jsonDecodeOne = Median(runs, () => json.Select(j => JsonSerializer.Deserialize(j, CacheJson.Default.CachedFile)).ToList());
            Console.WriteLine(
                $"System.Text.Json (source-generated) for comparison: {json.Sum(j => (long)j.Length) / 1048576.0:F1} MiB; decode {jsonDecode:F0} ms (1 core {jsonDecodeOne:F0} ms)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(int runs, Func<object> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            times.Add(Time(() => GC.KeepAlive(action())));
        }

        times.Sort();
        return times[times.Count / 2];
    }
}

/// <summary>The cache's entry as JSON (dates would need a converter: <c>PartialDate</c> has no public constructor).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedFile))]
internal sealed partial class CacheJson : JsonSerializerContext;
