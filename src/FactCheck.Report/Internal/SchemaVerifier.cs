using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>
/// Compares a report's schema (tables, indexes, views, triggers) with the one FactCheck's migrations give at the
/// file's version. A report travels between CI runs: a trigger slipped into it would run inside FactCheck's own write
/// (and delete history), a changed view would lie, so anything FactCheck did not create refuses the file, untouched.
/// Tables and indexes are compared by their columns (as SQLite reports them), views by their text, spaces collapsed;
/// a report has no trigger at all.
/// </summary>
internal static partial class SchemaVerifier
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, string>> Expected = new();

    /// <summary>Throws a <see cref="ReportException"/> naming what is foreign, missing or changed.</summary>
    public static void Verify(SqliteConnection connection, SqliteTransaction? transaction, int version, string path)
    {
        var expected = Expected.GetOrAdd(version, Build);
        var actual = Describe(connection, transaction);
        var problems = new List<string>();
        foreach (var (key, shape) in actual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(key, out var want)) problems.Add($"{key} is not FactCheck's");
            else if (want != shape) problems.Add($"{key} differs from FactCheck's");
        }

        foreach (var key in expected.Keys.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{key} is missing");
        }

        if (problems.Count == 0) return;
        throw new ReportException(
            $"'{path}' is not a FactCheck report as FactCheck writes it: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty)}. " +
            "It was left untouched. A report is changed only by FactCheck: use a fresh report, or one from a run you trust.");
    }

    /// <summary>The schema a new report has at <paramref name="version"/>: the migrations run on an empty in-memory database.</summary>
    private static IReadOnlyDictionary<string, string> Build(int version)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var migration in Migrations.All.Where(m => m.Version <= version))
        {
            using var command = connection.CreateCommand();
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();
        }

        return Describe(connection, null);
    }

    /// <summary>Each schema object ("trigger 't' on runs") and its shape.</summary>
    private static Dictionary<string, string> Describe(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var objects = new List<(string Type, string Name, string Table, string? Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // sqlite_stat* (ANALYZE) and sqlite_sequence are SQLite's own; autoindexes come with their tables.
            command.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, name, table, sql) in objects)
        {
            var key = type == "trigger" ? $"trigger '{name}' on {table}" : $"{type} '{name}'";
            shapes[key] = type switch
            {
                "table" => Rows(connection, transaction, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo($name)", name)
                    + (sql is not null && WithoutRowid().IsMatch(sql) ? " without rowid" : string.Empty),
                "index" => Rows(connection, transaction, "SELECT name, desc, coll, key FROM pragma_index_xinfo($name)", name)
                    + $" on {table}" + (sql is null ? string.Empty : " " + Normalize(sql)),
                _ => Normalize(sql ?? string.Empty),
            };
        }

        return shapes;
    }

    private static string Rows(SqliteConnection connection, SqliteTransaction? transaction, string query, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = query;
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString()).Append('|');
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Spaces and line breaks collapsed, SQL comments kept out: the text SQLite stored, compared loosely.</summary>
    private static string Normalize(string sql) => Spaces().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\)\s*WITHOUT\s+ROWID\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WithoutRowid();
}
