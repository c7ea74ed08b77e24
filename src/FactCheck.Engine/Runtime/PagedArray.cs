using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FactCheck.Engine.Runtime;

/// <summary>
/// An array (of references, or of small values) kept in pages of at most 8,192 slots (64 KB), so that none of a session's big tables (fact
/// handles, insertion order, join hash buckets) lands on the large object heap. Large-object allocations count against
/// a budget whose exhaustion triggers a full (gen 2) collection, which marks the whole live network: at 100,000 facts
/// the tables' growth alone set one off. Growing appends pages and never copies the full ones.
/// </summary>
internal sealed class PagedArray<T>
{
    private const int Shift = 13;
    private const int PageSize = 1 << Shift;
    private const int Mask = PageSize - 1;

    private T?[][] _pages;

    public PagedArray(int length)
    {
        _pages = [];
        Length = 0;
        EnsureLength(length);
    }

    public int Length { get; private set; }

    /// <remarks>
    /// The element's reference is taken from the page's data rather than with <c>ref page[i]</c>: arrays of references
    /// are covariant, so that form checks the page's runtime type on every access (a helper call, the type being a
    /// generic parameter here), though a page is always exactly a <c>T[]</c>. The index is still checked.
    /// </remarks>
    public ref T? this[int index]
    {
        get
        {
            var page = _pages[index >> Shift];
            var offset = index & Mask;
            if ((uint)offset >= (uint)page.Length) ThrowIndex(index);
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page), offset);
        }
    }

    [DoesNotReturn]
    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "past the array's length");

    /// <summary>Grows to at least <paramref name="length"/> slots (new slots are null).</summary>
    public void EnsureLength(int length)
    {
        if (length <= Length) return;
        if (length <= PageSize)
        {
            // A single page, grown by doubling until it is full size.
            var size = Math.Max(16, Length);
            while (size < length) size *= 2;
            size = Math.Min(size, PageSize);
            var page = new T?[size];
            if (_pages.Length > 0) Array.Copy(_pages[0], page, Length);
            _pages = [page];
            Length = size;
            return;
        }
        if (_pages.Length == 1 && _pages[0].Length < PageSize)
        {
            var first = new T?[PageSize];
            Array.Copy(_pages[0], first, Length);
            _pages[0] = first;
            Length = PageSize;
        }
        var count = (length + Mask) >> Shift;
        var pages = _pages;
        Array.Resize(ref pages, count);
        for (var i = _pages.Length; i < count; i++) pages[i] = new T?[PageSize];
        _pages = pages;
        Length = count << Shift;
    }

    /// <summary>Sets <paramref name="count"/> slots from <paramref name="start"/> to null.</summary>
    public void Clear(int start, int count)
    {
        while (count > 0)
        {
            var page = _pages[start >> Shift];
            var offset = start & Mask;
            var n = Math.Min(count, page.Length - offset);
            Array.Clear(page, offset, n);
            start += n;
            count -= n;
        }
    }
}
