using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// The findings a new run may link to instead of writing them again (schema version 5): those of the latest run and of
/// the latest complete run (a failed run in between, with no findings, does not make every finding new), by content
/// digest. One content row serves one finding of a run: a second identical finding in the same run gets its own.
/// </summary>
internal sealed class SharedFindings
{
    private const string Sql = """
        SELECT c.digest, c.finding_id
        FROM run_findings r JOIN finding_contents c ON c.finding_id = r.finding_id
        WHERE r.run_id IN (SELECT max(run_id) FROM runs UNION ALL SELECT max(run_id) FROM runs WHERE status = 'complete')
          AND c.digest IS NOT NULL
        """;

    private readonly Dictionary<UInt128, long> _first = [];

    /// <summary>Further rows with a digest already in <see cref="_first"/> (identical findings of one run); rarely any.</summary>
    private readonly Dictionary<UInt128, Queue<long>> _more = [];

    private SharedFindings()
    {
    }

    public static SharedFindings None { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SharedFindings Read(SqliteConnection connection)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, Sql, out var statement), database);
        using (statement)
        {
            var shared = new SharedFindings();
            var seen = new HashSet<long>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var bytes = raw.sqlite3_column_blob(statement, 0);
                var id = raw.sqlite3_column_int64(statement, 1);
                if (bytes.Length != 16 || !seen.Add(id)) continue; // the latest and the latest complete run share rows
                shared.Add(FindingDigest.Read(bytes), id);
            }

            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, database);
            return shared;
        }
    }

    /// <summary>The findings of a run this process wrote (see <see cref="RunMemory"/>), instead of reading them back.</summary>
    public static SharedFindings From(UInt128[] digests, long[] ids)
    {
        var shared = new SharedFindings();
        for (var i = 0; i < digests.Length; i++) shared.Add(digests[i], ids[i]);
        return shared;
    }

    private void Add(UInt128 digest, long id)
    {
        if (_first.TryAdd(digest, id)) return;
        if (!_more.TryGetValue(digest, out var more)) _more[digest] = more = new Queue<long>();
        more.Enqueue(id);
    }

    /// <summary>A row with this digest not taken yet by the run being written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Take(UInt128 digest, out long findingId)
    {
        if (_first.Remove(digest, out findingId))
        {
            // The next identical one, if any, takes the row after it.
            if (_more.Count > 0 && _more.Remove(digest, out var more))
            {
                _first[digest] = more.Dequeue();
                if (more.Count > 0) _more[digest] = more;
            }

            return true;
        }

        return false;
    }
}
