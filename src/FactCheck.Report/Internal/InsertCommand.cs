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
/// <remarks>
/// A command made with <c>batched: true</c> gathers its rows (the values, text as UTF-8, in one buffer) and inserts
/// <see cref="BatchRows"/> at a time with one multi-row statement, so SQLite starts its program, opens its cursors and
/// crosses into native code once per batch instead of once per row; <see cref="Flush"/> inserts the rest, and must be
/// called before the rows are needed (a command disposed without it drops them: the run is being abandoned).
/// Rows reach SQLite in the order they were executed, so the tables' contents are the same.
/// </remarks>
internal sealed class InsertCommand : IDisposable
{
    /// <summary>Rows per multi-row statement: 64 rows of 9 columns stay far below SQLite's 32,766 parameters.</summary>
    public const int BatchRows = 64;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3_stmt? _batch;
    private readonly int _columns;
    private byte[] _utf8 = new byte[512];
    private int _next = 1;

    // A batched command's pending rows: one slot per value, text and blobs in _utf8 (from 0 to _used).
    private readonly Slot[]? _slots;
    private int _pending;
    private int _used;

    public InsertCommand(SqliteConnection connection, string table, params string[] columns)
        : this(connection, table, batched: false, columns)
    {
    }

    public InsertCommand(SqliteConnection connection, string table, bool batched, params string[] columns)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = columns.Length;
        _statement = Prepare(table, columns, 1);
        if (batched)
        {
            try
            {
                _batch = Prepare(table, columns, BatchRows);
            }
            catch
            {
                _statement.Dispose();
                throw;
            }

            _slots = new Slot[BatchRows * _columns];
            _utf8 = new byte[16 * 1024];
        }
    }

    private sqlite3_stmt Prepare(string table, string[] columns, int rows)
    {
        var row = $"({string.Join(", ", columns.Select(_ => "?"))})";
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
        var rc = raw.sqlite3_prepare_v2(_database, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
        return statement;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Long(long value)
    {
        if (_slots is not null) return Keep(new Slot(SlotKind.Long, value, 0));
        return Check(raw.sqlite3_bind_int64(_statement, _next++, value));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Int(int? value)
    {
        if (value is { } v) return Long(v);
        if (_slots is not null) return Keep(new Slot(SlotKind.Null, 0, 0));
        return Check(raw.sqlite3_bind_null(_statement, _next++));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Text(string? value)
    {
        if (value is null)
        {
            if (_slots is not null) return Keep(new Slot(SlotKind.Null, 0, 0));
            return Check(raw.sqlite3_bind_null(_statement, _next++));
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_slots is not null)
        {
            var start = Reserve(max);
            var written = Encoding.UTF8.GetBytes(value, _utf8.AsSpan(start));
            _used += written;
            return Keep(new Slot(SlotKind.Text, start, written));
        }

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
            ? Bytes(bytes[..length])
            : Text(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InsertCommand Bytes(ReadOnlySpan<byte> value)
    {
        if (_slots is null) return Check(raw.sqlite3_bind_blob(_statement, _next++, value));
        var start = Reserve(value.Length);
        value.CopyTo(_utf8.AsSpan(start));
        _used += value.Length;
        return Keep(new Slot(SlotKind.Blob, start, value.Length));
    }

    /// <summary>Inserts the row bound so far (every column must be bound) and starts the next one; a batched command may keep it until its batch is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute()
    {
        if (_next != _columns + 1)
        {
            var bound = _next - 1;
            _next = 1;
            throw new InvalidOperationException($"{bound} of {_columns} values were bound.");
        }

        _next = 1;
        if (_slots is not null)
        {
            if (++_pending == BatchRows)
            {
                Insert(_batch!, 0, BatchRows);
                _pending = 0;
                _used = 0;
            }

            return;
        }

        Step(_statement);
    }

    /// <summary>Inserts the rows a batched command still holds.</summary>
    public void Flush()
    {
        for (var row = 0; row < _pending; row++) Insert(_statement, row, 1);
        _pending = 0;
        _used = 0;
    }

    public void Dispose()
    {
        _statement.Dispose();
        _batch?.Dispose();
    }

    /// <summary>Binds <paramref name="rows"/> pending rows from <paramref name="first"/> to the statement and runs it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(sqlite3_stmt statement, int first, int rows)
    {
        var slots = _slots!;
        var parameter = 1;
        for (var i = first * _columns; i < (first + rows) * _columns; i++)
        {
            var slot = slots[i];
            var rc = slot.Kind switch
            {
                SlotKind.Long => raw.sqlite3_bind_int64(statement, parameter, slot.Value),
                SlotKind.Null => raw.sqlite3_bind_null(statement, parameter),
                SlotKind.Text => raw.sqlite3_bind_text(statement, parameter, _utf8.AsSpan((int)slot.Value, slot.Length)),
                _ => raw.sqlite3_bind_blob(statement, parameter, _utf8.AsSpan((int)slot.Value, slot.Length)),
            };
            parameter++;
            if (rc != raw.SQLITE_OK)
            {
                Abandon();
                SqliteException.ThrowExceptionForRC(rc, _database);
            }
        }

        Step(statement);
    }

    private void Step(sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Abandon();
            SqliteException.ThrowExceptionForRC(step, _database);
        }
    }

    /// <summary>After a failure the pending rows are dropped: the caller's transaction is rolled back.</summary>
    private void Abandon()
    {
        _pending = 0;
        _used = 0;
        _next = 1;
    }

    /// <summary>Room for <paramref name="bytes"/> more in the buffer; returns where they start.</summary>
    private int Reserve(int bytes)
    {
        if (_used + bytes > _utf8.Length)
        {
            Array.Resize(ref _utf8, Math.Max(_used + bytes, _utf8.Length * 2));
        }

        return _used;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private InsertCommand Keep(Slot slot)
    {
        if (_next > _columns)
        {
            _next = 1;
            throw new InvalidOperationException($"More than {_columns} values were bound.");
        }

        _slots![(_pending * _columns) + _next - 1] = slot;
        _next++;
        return this;
    }

    private InsertCommand Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            _next = 1;
            SqliteException.ThrowExceptionForRC(rc, _database);
        }

        return this;
    }

    private enum SlotKind : byte
    {
        Null,
        Long,
        Text,
        Blob,
    }

    /// <summary>One pending value: a number, or where its bytes are in the buffer.</summary>
    private readonly record struct Slot(SlotKind Kind, long Value, int Length);
}
