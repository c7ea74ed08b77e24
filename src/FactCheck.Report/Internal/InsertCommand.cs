using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>A prepared INSERT whose parameters are rebound per row: the fast path for bulk writes.</summary>
internal sealed class InsertCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public InsertCommand(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        _parameters = new SqliteParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        }

        _command.Prepare();
    }

    public void Run(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
