namespace FactCheck.Report;

/// <summary>
/// Bounds of a read-only query (<see cref="ReportStore.QueryReadOnly(string, QueryLimits?)"/>): a recursive CTE or a
/// <c>randomblob(1e9)</c> must end in an error, not hang or take the memory. Each can be raised.
/// </summary>
/// <param name="Timeout">Time the query may run (default 30 s); past it, it is interrupted.</param>
/// <param name="MaxRows">Rows returned (default 100,000); past it, the result is cut short (<see cref="QueryResult.Truncated"/>).</param>
/// <param name="MaxBytes">Bytes of text and blobs returned (default 64 MiB); past it, the result is cut short.</param>
/// <param name="MaxValueBytes">The largest single value SQLite may build (default 16 MiB); a larger one is an error.</param>
public sealed record QueryLimits(TimeSpan Timeout, int MaxRows = 100_000, long MaxBytes = 64L * 1024 * 1024, int MaxValueBytes = 16 * 1024 * 1024)
{
    public QueryLimits()
        : this(TimeSpan.FromSeconds(30))
    {
    }

    public static QueryLimits Default { get; } = new();
}
