using FactCheck.Report.Internal;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Tests;

/// <summary>
/// Builds a schema-version-1 report with the v1 SQL kept in the migration list, filled as FactCheck 0.1 wrote
/// it: two runs where claim 'a' changes status, 'b' keeps its content but moves, and 'c' is reworded.
/// Fixtures/report-v1.db was made with it (`dotnet FactCheck.Report.Tests.dll write-v1-fixture PATH`).
/// </summary>
internal static class V1Report
{
    public static void Create(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = DELETE");
        using var transaction = connection.BeginTransaction();
        Execute(connection, Migrations.V1.Sql + "\nPRAGMA user_version = 1;", transaction);
        Execute(connection, """
            INSERT INTO runs VALUES
              (1, '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:02.000Z', '0.1.0', 'aaa111', 'cd1', 'rd1'),
              (2, '2026-11-02T09:00:00.000Z', '2026-11-02T09:00:02.000Z', '0.1.0', NULL, 'cd2', 'rd1');
            INSERT INTO sources VALUES
              (1, 'euronews', 'article', 'Putin on alliance', 'Euronews', NULL, 'claims/sources.yaml', 3),
              (2, 'euronews', 'article', 'Putin on alliance', 'Euronews', NULL, 'claims/sources.yaml', 3);
            INSERT INTO claims VALUES
              (1, 'a', 'claims/story.yaml', 10, 5, 'Statement a.', 'Putin', 'unreviewed', 'da'),
              (1, 'b', 'claims/story.yaml', 20, 5, 'Statement b.', 'Putin', 'unreviewed', 'db'),
              (1, 'c', 'claims/story.yaml', 30, 5, 'Statement c.', 'Putin', 'unreviewed', 'dc1'),
              (2, 'a', 'claims/story.yaml', 10, 5, 'Statement a.', 'Putin', 'true', 'da'),
              (2, 'b', 'claims/story.yaml', 25, 5, 'Statement b.', 'Putin', 'unreviewed', 'db'),
              (2, 'c', 'claims/story.yaml', 30, 5, 'Statement c, reworded.', 'Putin', 'unreviewed', 'dc2');
            INSERT INTO appearances VALUES
              (1, 'a', 'euronews', 'unattributed', 'Quote a', 'claims/story.yaml', 11, 7),
              (2, 'a', 'euronews', 'unattributed', 'Quote a', 'claims/story.yaml', 11, 7);
            INSERT INTO citations VALUES (2, 'c', NULL, 'a report', 'claims/story.yaml', 33, 7);
            INSERT INTO rules VALUES
              (1, 'attribution.unattributed', 'Claims need a claimant', 'warning', 'rules/a.yaml', 1),
              (2, 'attribution.unattributed', 'Claims need a claimant', 'warning', 'rules/a.yaml', 1);
            INSERT INTO findings VALUES
              (1, 1, 'attribution.unattributed', 'warning', 'a is unattributed', 'claims/story.yaml', 10, 5, 'fp-a'),
              (2, 1, 'attribution.unattributed', 'warning', 'b is unattributed', 'claims/story.yaml', 20, 5, 'fp-b'),
              (3, 2, 'attribution.unattributed', 'warning', 'a is still unattributed', 'claims/story.yaml', 10, 5, 'fp-a');
            INSERT INTO finding_claims VALUES (1, 'a'), (2, 'b'), (3, 'a');
            INSERT INTO finding_sources VALUES (1, 'euronews'), (3, 'euronews');
            """, transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
