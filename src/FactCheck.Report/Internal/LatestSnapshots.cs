using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// The file snapshots of the report's latest run (failed or not), which a new run links to where its rows for a file
/// are the same (schema version 5). Only the latest run's: a claim there has its latest version there, so a snapshot
/// linked again gives its claims the versions a fresh write would give them (a file changed and changed back gets new
/// versions, as before version 5).
/// </summary>
internal sealed class LatestSnapshots
{
    private const string Sql = """
        SELECT s.snapshot_id, s.file, s.digest
        FROM run_snapshots r JOIN snapshots s ON s.snapshot_id = r.snapshot_id
        WHERE r.run_id = (SELECT max(run_id) FROM runs) AND s.digest IS NOT NULL
        """;

    private readonly Dictionary<string, (long Id, byte[] Digest)> _byFile = new(StringComparer.Ordinal);
    private (long Id, byte[] Digest)? _noFile;

    public static LatestSnapshots Read(SqliteConnection connection)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, Sql, out var statement), database);
        using (statement)
        {
            var latest = new LatestSnapshots();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var entry = (raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 2).ToArray());
                if (raw.sqlite3_column_type(statement, 1) == raw.SQLITE_NULL) latest._noFile = entry;
                else latest._byFile[raw.sqlite3_column_text(statement, 1).utf8_to_string()] = entry;
            }

            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, database);
            return latest;
        }
    }

    /// <summary>The latest run's snapshot of <paramref name="file"/> when it has this digest; null when the file is new or changed.</summary>
    public long? Find(string? file, byte[] digest)
    {
        var found = file is null ? _noFile : _byFile.TryGetValue(file, out var entry) ? entry : null;
        return found is { } f && f.Digest.AsSpan().SequenceEqual(digest) ? f.Id : null;
    }
}
