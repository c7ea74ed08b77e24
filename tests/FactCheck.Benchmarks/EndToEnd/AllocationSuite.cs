using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Facts;

namespace FactCheck.Benchmarks.EndToEnd;

/// <summary>
/// Where the bytes of loading and projecting a claims folder go, by type: the runtime's allocation samples (one event per
/// about 100 KB allocated, naming the type of the object that crossed the mark), counted per phase. An estimate whose
/// error shrinks with the bytes allocated: a type with a few MB is within a few percent.
/// </summary>
public sealed class AllocationSuite : IBenchmarkSuite
{
    public string Name => "allocs";

    public string Description => "bytes allocated by type while loading and projecting a folder: allocs DIR [top]";

    public int Run(string[] args)
    {
        var dir = args[0];
        var top = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;

        // A first load compiles the loader: its allocations are not the loader's.
        FactProjection.Project(ClaimsLoader.Load([dir]).ClaimSet);
        GC.Collect();

        using var sampler = new Sampler();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var loaded = ClaimsLoader.Load([dir]);
        var loadBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        Thread.Sleep(500);
        Print("load", loadBytes, sampler.Take(), top);

        before = GC.GetTotalAllocatedBytes(precise: true);
        var facts = FactProjection.Project(loaded.ClaimSet);
        var projectBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        Thread.Sleep(500);
        Print($"projection ({facts.Count:N0} facts)", projectBytes, sampler.Take(), top);
        GC.KeepAlive(loaded);
        return 0;
    }

    private static void Print(string phase, long bytes, Dictionary<string, long> byType, int top)
    {
        var sampled = byType.Values.Sum();
        Console.WriteLine($"{phase}: {bytes / (1024.0 * 1024.0):F0} MB allocated; sampled {sampled / (1024.0 * 1024.0):F0} MB");
        foreach (var (type, n) in byType.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.WriteLine($"  {n / (1024.0 * 1024.0),8:F1} MB  {100.0 * n / Math.Max(1, sampled),5:F1}%  {type}");
        }
    }

    /// <summary>Listens to the runtime's GC allocation-tick events (keyword GC, verbose).</summary>
    private sealed class Sampler : EventListener
    {
        private ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

        public Dictionary<string, long> Take() => Interlocked.Exchange(ref _bytes, new ConcurrentDictionary<string, long>(StringComparer.Ordinal)).ToDictionary();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
            var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a], CultureInfo.InvariantCulture) : 100_000;
            _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
        }
    }
}
