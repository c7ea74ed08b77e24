using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FactCheck.Report.Internal;

/// <summary>
/// A prepared INSERT rebound per row, on the connection's own SQLite handle (so it joins the open
/// transaction). Values are bound in column order with typed calls and then <see cref="Execute"/>d: no
/// per-row boxing or parameter lookup by name, and text is handed to SQLite as UTF-8 (the database's own
/// encoding) so SQLite copies it instead of converting UTF-16 per value. Values are still parameters, never SQL text.
/// The per-row methods are compiled fully optimised at once: a report is usually written once per process, and
/// hundreds of thousands of rows would otherwise start in the JIT's slow first tier.
/// </summary>
internal sealed class InsertCommand : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;
    private byte[] _utf8 = new byte[512];
    private int _next = 1;

    public InsertCommand(SqliteConnection connection, string table, params string[] columns)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns.Length;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        var rc = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Long(long value) => Check(raw.sqlite3_bind_int64(_statement, _next++, value));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Int(int? value) => value is { } v
        ? Check(raw.sqlite3_bind_int64(_statement, _next++, v))
        : Check(raw.sqlite3_bind_null(_statement, _next++));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Text(string? value)
    {
        if (value is null)
        {
            return Check(raw.sqlite3_bind_null(_statement, _next++));
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var count = Encoding.UTF8.GetBytes(value, _utf8);
        return Check(raw.sqlite3_bind_text(_statement, _next++, _utf8.AsSpan(0, count)));
    }

    /// <summary>A fingerprint or digest, as <see cref="HexKey"/> stores it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Key(string value)
    {
        Span<byte> bytes = stackalloc byte[32];
        return HexKey.TryPack(value, bytes, out var length)
            ? Check(raw.sqlite3_bind_blob(_statement, _next++, bytes[..length]))
            : Text(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Bytes(ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, _next++, value));

    /// <summary>Inserts the row bound so far (every column must be bound) and starts the next one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute()
    {
        if (_next != _columns + 1)
        {
            throw new InvalidOperationException($"{_next - 1} of {_columns} values were bound.");
        }

        _next = 1;
        var step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(step, _database);
        }
    }

    public void Dispose() => _statement.Dispose();

    private InsertCommand Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            _next = 1;
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return this;
    }
}
