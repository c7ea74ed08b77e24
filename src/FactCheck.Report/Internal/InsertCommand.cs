using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// A prepared INSERT rebound per row, on the connection's own SQLite handle (so it joins the open
/// transaction). Binding through SQLitePCL directly skips SqliteCommand's per-execution parameter lookup by
/// name, which dominated large runs; values are still parameters, never SQL text.
/// </summary>
internal sealed class InsertCommand : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;

    public InsertCommand(SqliteConnection connection, string table, params string[] columns)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns.Length;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        var rc = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    public void Run(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _columns; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string text => raw.sqlite3_bind_text16(_statement, index, text.AsSpan()),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        var step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(step, _database);
        }
    }

    public void Dispose() => _statement.Dispose();
}
