namespace FactCheck.Engine.Runtime;

/// <summary>
/// An array of references kept in pages of at most 8,192 slots (64 KB), so that none of a session's big tables (fact
/// handles, insertion order, join hash buckets) lands on the large object heap. Large-object allocations count against
/// a budget whose exhaustion triggers a full (gen 2) collection, which marks the whole live network: at 100,000 facts
/// the tables' growth alone set one off. Growing appends pages and never copies the full ones.
/// </summary>
internal sealed class PagedArray<T> where T : class
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

    public ref T? this[int index] => ref _pages[index >> Shift][index & Mask];

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
