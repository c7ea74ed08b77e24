using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// Asks the processor to start loading an object's first cache line. Firing reads, for each activation, its parent
/// tokens and their facts, which sit wherever they were allocated: at a million facts those reads miss every cache and
/// the TLB and cost more than the firing itself. Announcing them a few firings ahead overlaps the waits. A hint only: a
/// stale address (the object moved) costs nothing but the hint.
/// </summary>
internal static class Prefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object? o)
    {
        if (!Sse.IsSupported || o is null) return;
        Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref o));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Slot<T>(ref T slot)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref slot));
    }
}
