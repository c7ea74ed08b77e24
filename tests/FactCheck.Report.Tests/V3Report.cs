using FactCheck.Report.Internal;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Tests;

/// <summary>
/// Builds a schema-version-3 report as FactCheck 0.3 leaves it: the v2 report upgraded by the v3 step, plus a
/// fourth run written in the v3 shape (fingerprints and digests as BLOBs, a claim appearing twice in one source).
/// Fixtures/report-v3.db was made with it (`dotnet FactCheck.Report.Tests.dll write-v3-fixture PATH`); keep
/// it when the schema changes again, so that the v3 → v4 step is tested on a real file.
/// </summary>
internal static class V3Report
{
    public static void Create(string path)
    {
        V2Report.Create(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, Migrations.V3.Sql + "\nPRAGMA user_version = 3;", transaction);
        Execute(connection, $"""
            INSERT INTO runs VALUES
              (4, '2026-11-04T09:00:00.000Z', '2026-11-04T09:00:02.000Z', '0.3.0', 'ccc333',
               '5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'rd2');
            INSERT INTO sources VALUES (4, 'euronews', 'article', 'Putin on alliance', 'Euronews', NULL, 'claims/sources.yaml', 3);
            INSERT INTO run_claims VALUES
              (4, 'a', 2, 'claims/story.yaml', 10, 5),
              (4, 'c', 6, 'claims/story.yaml', 31, 5);
            INSERT INTO appearances (run_id, claim_id, source_id, attribution, quote, file, line, col, seq) VALUES
              (4, 'a', 'euronews', 'unattributed', 'Quote a', 'claims/story.yaml', 11, 7, 0),
              (4, 'a', 'euronews', 'paraphrase', 'Quote a, again', 'claims/story.yaml', 12, 7, 1);
            INSERT INTO rules VALUES (4, 'quotes.drift', 'Quotes must match the source', 'error', 'rules/q.yaml', 1);
            INSERT INTO findings VALUES
              (6, 4, 'quotes.drift', 'error', 'c still drifts', 'claims/story.yaml', 31, 5, X'{V2Report.DriftOnC}');
            INSERT INTO finding_claims VALUES (6, 'c');
            INSERT INTO finding_sources VALUES (6, 'euronews');
            """, transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
