using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// Reads a run's findings straight from SQLite's statement API: diffs read hundreds of thousands of rows,
/// and rule ids, severities and file names repeat, so each distinct one is decoded once and shared.
/// A run's findings have consecutive ids (one transaction assigns them), so the run's id range is taken from
/// the (run_id, fingerprint) index and the rows are then read in id order straight from the table. From version 5 a
/// run's findings are its links in run_findings (findings are shared across runs), read in the order they were recorded.
/// </summary>
internal static class FindingReader
{
    private const string RangeSql = "SELECT min(finding_id), max(finding_id) FROM findings WHERE run_id = ?";

    // +run_id: the run's rows are found by the id range (a table range scan in id order), not by an index on run_id.
    private const string Sql = "SELECT finding_id, rule_id, severity, message, file, line, col, fingerprint FROM findings WHERE finding_id BETWEEN ? AND ? AND +run_id = ? ORDER BY finding_id";

    // Schema version 5: a run's findings are its links (run_findings), read in key order and put in the order they were
    // recorded (seq) here: SQLite's sorter would carry every column through a temporary B-tree (a diff of two 100,000-finding
    // runs took twice as long).
    private const string SharedSql = """
        SELECT c.finding_id, c.rule_id, c.severity, c.message, c.file, c.line, c.col, r.fingerprint, r.seq
        FROM run_findings r JOIN finding_contents c ON c.finding_id = r.finding_id
        WHERE r.run_id = ?
        """;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call reads a whole run: no slow first tier
    public static List<ReportedFinding> Read(SqliteConnection connection, long runId, int schemaVersion)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        (long First, long Last) range = default;
        if (schemaVersion < 5)
        {
            if (Range(connection, runId) is not { } found) return [];
            range = found;
        }

        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, schemaVersion < 5 ? Sql : SharedSql, out var statement), database);
        using (statement)
        {
            if (schemaVersion < 5)
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 1, range.First), database);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 2, range.Last), database);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 3, runId), database);
            }
            else
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 1, runId), database);
            }

            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = shared.GetAlternateLookup<ReadOnlySpan<char>>();
            var findings = new List<ReportedFinding>();
            var order = new List<long>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (schemaVersion >= 5) order.Add(raw.sqlite3_column_int64(statement, 8));
                findings.Add(new ReportedFinding(
                    raw.sqlite3_column_int64(statement, 0),
                    runId,
                    Shared(statement, 1, lookup)!,
                    Shared(statement, 2, lookup)!,
                    Text(statement, 3)!,
                    Shared(statement, 4, lookup),
                    NullableInt(statement, 5),
                    NullableInt(statement, 6),
                    Key(statement, 7)));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }

            if (schemaVersion >= 5)
            {
                var sorted = findings.ToArray();
                Array.Sort(order.ToArray(), sorted);
                return [.. sorted];
            }

            return findings;
        }
    }

    private static string? Text(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

    /// <summary>The first and last finding id of a run (null when it has no findings), from the (run_id, fingerprint) index alone.</summary>
    public static (long First, long Last)? Range(SqliteConnection connection, long runId)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, RangeSql, out var range), database);
        using (range)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(range, 1, runId), database);
            var rc = raw.sqlite3_step(range);
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }

            return raw.sqlite3_column_type(range, 0) == raw.SQLITE_NULL
                ? null
                : (raw.sqlite3_column_int64(range, 0), raw.sqlite3_column_int64(range, 1));
        }
    }

    /// <summary>A fingerprint as <see cref="HexKey"/> stores it: bytes from schema version 3 on, text before and for callers' own.</summary>
    public static string Key(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB
            ? HexKey.Unpack(raw.sqlite3_column_blob(statement, column))
            : Text(statement, column) ?? string.Empty;

    private static string? Shared(sqlite3_stmt statement, int column, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        if (raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL)
        {
            return null;
        }

        var bytes = raw.sqlite3_column_blob(statement, column);
        if (bytes.Length > 256)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Span<char> chars = stackalloc char[256];
        var count = Encoding.UTF8.GetChars(bytes, chars);
        if (!lookup.TryGetValue(chars[..count], out var text))
        {
            text = new string(chars[..count]);
            lookup[text] = text;
        }

        return text;
    }

    private static int? NullableInt(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, column);
}
