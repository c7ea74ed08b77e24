using System.Diagnostics.Tracing;

/// <summary>
/// With FACTCHECK_GC_TRACE=1 the benchmark's child lists each collection on stderr (generation, reason, pause start):
/// which budget triggers collections matters as much as how much is allocated.
/// </summary>
internal sealed class GcTrace : EventListener
{
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not ("GCStart_V2" or "GCHeapStats_V2")) return;
        var fields = new List<string>();
        for (var i = 0; i < e.Payload!.Count; i++)
            if (e.PayloadNames![i] is "Depth" or "Reason" or "Type" or "GenerationSize0" or "TotalPromotedSize0" or "GenerationSize1" or "TotalPromotedSize1" or "GenerationSize2" or "GenerationSize3")
                fields.Add($"{e.PayloadNames[i]}={e.Payload[i]}");
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {e.EventName} {string.Join(" ", fields)}");
    }
}
