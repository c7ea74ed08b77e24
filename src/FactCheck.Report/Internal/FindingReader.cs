using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// Reads a run's findings straight from SQLite's statement API: diffs read hundreds of thousands of rows,
/// and rule ids, severities and file names repeat, so each distinct one is decoded once and shared.
/// </summary>
internal static class FindingReader
{
    private const string Sql = "SELECT finding_id, rule_id, severity, message, file, line, col, fingerprint FROM findings INDEXED BY findings_by_run WHERE run_id = ? ORDER BY finding_id";

    public static List<ReportedFinding> Read(SqliteConnection connection, long runId)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, Sql, out var statement), database);
        using (statement)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, 1, runId), database);
            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            var lookup = shared.GetAlternateLookup<ReadOnlySpan<char>>();
            var findings = new List<ReportedFinding>();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                findings.Add(new ReportedFinding(
                    raw.sqlite3_column_int64(statement, 0),
                    runId,
                    Shared(statement, 1, lookup)!,
                    Shared(statement, 2, lookup)!,
                    Text(statement, 3)!,
                    Shared(statement, 4, lookup),
                    NullableInt(statement, 5),
                    NullableInt(statement, 6),
                    Text(statement, 7)!));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }

            return findings;
        }
    }

    private static string? Text(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

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
