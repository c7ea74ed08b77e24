using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Internal;

/// <summary>Recognises a report, refuses anything else, and upgrades older reports in place.</summary>
internal static class SchemaManager
{
    private readonly record struct FileState(int ApplicationId, int UserVersion, long ObjectCount)
    {
        public bool IsBlank => ApplicationId == 0 && UserVersion == 0 && ObjectCount == 0;
    }

    /// <summary>Checks the file and returns its schema version; throws for a foreign, newer or damaged file.</summary>
    public static int Check(SqliteConnection connection, SqliteTransaction? transaction, string path, bool allowBlank)
    {
        var state = Read(connection, transaction);
        if (state.IsBlank)
        {
            if (!allowBlank)
            {
                throw new ReportException($"'{path}' is empty: it holds no FactCheck report yet. Run `factcheck check` with this report path first.");
            }

            return 0;
        }

        if (state.ApplicationId != Migrations.ApplicationId || state.UserVersion < 1)
        {
            throw new ReportException(
                $"'{path}' is an SQLite database but not a FactCheck report (application_id {state.ApplicationId}, {state.ObjectCount} schema objects). " +
                "It was left untouched; pass another path for the report.");
        }

        if (state.UserVersion > Migrations.CurrentVersion)
        {
            throw new ReportException(
                $"'{path}' is a FactCheck report of schema version {state.UserVersion}, newer than this FactCheck understands " +
                $"(version {Migrations.CurrentVersion}). It was left untouched; upgrade FactCheck to read or write it.");
        }

        SchemaVerifier.Verify(connection, transaction, state.UserVersion, path);
        return state.UserVersion;
    }

    /// <summary>Brings the report to the current version in one transaction: all steps land, or none.</summary>
    public static void Upgrade(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);

        // Another process may have created or upgraded the file since Check: look again under the write lock.
        var version = Check(connection, transaction, path, allowBlank: true);
        foreach (var migration in Migrations.All.Where(m => m.Version > version))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Sql + $"\nPRAGMA user_version = {migration.Version};";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static FileState Read(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new FileState(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
    }
}
