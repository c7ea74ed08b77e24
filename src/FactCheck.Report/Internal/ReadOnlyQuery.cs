using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// Runs one SELECT on a read-only connection with SQLite's own guards: an authorizer that refuses ATTACH and every
/// PRAGMA but a list that only reads (so nothing is attempted that could create a file or wait on a lock), the
/// statement checked read-only before it runs (VACUUM INTO would create its file first), a progress handler that
/// interrupts it past the time limit, SQLite's length limit on any one value, and row and byte limits on the result.
/// </summary>
internal static class ReadOnlyQuery
{
    private const int Ok = 0;
    private const int Deny = 1;
    private const int ActionPragma = 19;
    private const int ActionAttach = 24;
    private const int ActionDetach = 25;
    private const int LimitLength = 0;
    private const int Interrupted = 9;
    private const int TooBig = 18;
    private const int NotAuthorized = 23;

    /// <summary>PRAGMAs that only read (with or without an argument naming a table or index).</summary>
    private static readonly HashSet<string> ReadingPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "user_version", "application_id", "schema_version", "page_size", "page_count", "freelist_count", "encoding",
        "database_list", "collation_list", "function_list", "module_list", "pragma_list", "compile_options",
        "integrity_check", "quick_check", "foreign_key_check", "query_only", "data_version",
    };

    public static QueryResult Run(SqliteConnection connection, string sql, QueryLimits limits, string path)
    {
        var db = connection.Handle!;
        string? refusal = null;
        raw.sqlite3_set_authorizer(db, (delegate_authorizer)((_, action, first, second, _, _) =>
        {
            switch (action)
            {
                case ActionAttach or ActionDetach:
                    refusal = "ATTACH and DETACH are refused: a query reads this report only";
                    return Deny;
                case ActionPragma:
                    var name = first.utf8_to_string();
                    var value = second.utf8_to_string();
                    if (ReadingPragmas.Contains(name) && !(value is not null && name is "user_version" or "application_id" or "schema_version" or "query_only")) return Ok;
                    refusal = $"PRAGMA {name}{(value is null ? string.Empty : $" = {value}")} is refused: the report is read-only, and a query may only use PRAGMAs that read ({string.Join(", ", ReadingPragmas.Order(StringComparer.Ordinal))})";
                    return Deny;
                default:
                    return Ok;
            }
        }), null);
        raw.sqlite3_limit(db, LimitLength, limits.MaxValueBytes);
        var clock = Stopwatch.StartNew();
        var timedOut = false;
        raw.sqlite3_progress_handler(db, 10_000, _ =>
        {
            if (clock.Elapsed <= limits.Timeout) return 0;
            timedOut = true;
            return 1;
        }, null);

        try
        {
            CheckOneReadingStatement(db, sql, () => refusal, path);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            return Read(reader, limits);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Interrupted && timedOut)
        {
            throw new ReportException($"The query ran longer than {limits.Timeout.TotalSeconds:0.#} s, the limit, and was stopped. Narrow it, or raise the limit (factcheck query --timeout SECONDS).", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == TooBig)
        {
            throw new ReportException($"The query builds a value larger than {limits.MaxValueBytes / (1024 * 1024)} MiB, the limit, and was stopped.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == NotAuthorized && refusal is not null)
        {
            throw new ReportException($"The query was refused: {refusal}.", e);
        }
        finally
        {
            raw.sqlite3_progress_handler(db, 0, null, null);
            raw.sqlite3_set_authorizer(db, (delegate_authorizer?)null, null);
        }
    }

    /// <summary>
    /// Prepares each statement of <paramref name="sql"/> without running any: exactly one, and one that only reads,
    /// or a refusal before SQLite touches anything (VACUUM INTO creates its file as it starts).
    /// </summary>
    private static void CheckOneReadingStatement(sqlite3 db, string sql, Func<string?> refusal, string path)
    {
        var rest = sql;
        var statements = 0;
        while (!string.IsNullOrWhiteSpace(rest))
        {
            var rc = raw.sqlite3_prepare_v2(db, rest, out var statement, out var tail);
            using (statement)
            {
                if (rc != Ok)
                {
                    if (rc == NotAuthorized && refusal() is { } why) throw new ReportException($"The query was refused: {why}.");
                    var message = raw.sqlite3_errmsg(db).utf8_to_string();
                    throw new ReportException($"The query failed: {message}.");
                }

                if (statement is not null && !statement.IsInvalid)
                {
                    statements++;
                    if (raw.sqlite3_stmt_readonly(statement) == 0)
                    {
                        throw new ReportException($"The query was refused: queries on '{path}' are read-only, and this one would change it. Use SELECT statements only.");
                    }
                }
            }

            if (tail is null || tail.Length >= rest.Length) break;
            rest = tail;
        }

        if (statements > 1)
        {
            throw new ReportException("The query holds more than one statement: run them one at a time (only one result set can be shown).");
        }
    }

    private static QueryResult Read(SqliteDataReader reader, QueryLimits limits)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        long bytes = 0;
        while (reader.Read())
        {
            if (rows.Count == limits.MaxRows || bytes > limits.MaxBytes)
            {
                truncated = true;
                break;
            }

            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                bytes += value switch
                {
                    string s => s.Length * 2L,
                    byte[] b => b.Length,
                    _ => 8,
                };
                row[i] = value;
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows, truncated);
    }
}
