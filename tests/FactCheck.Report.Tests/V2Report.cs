using FactCheck.Report.Internal;
using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Tests;

/// <summary>
/// Builds a schema-version-2 report as FactCheck 0.2 left it: the v1 report upgraded by the v2 step, plus a
/// third run written in the v2 shape (claim versions, hex-text fingerprints and digests, a run error).
/// In run 3, 'c' is reworded again (digest computed as <see cref="ContentDigest.ForClaim"/> did), and the
/// quotes.drift finding on 'c' carries the fingerprint <see cref="Fingerprint.ForFinding"/> gives.
/// Fixtures/report-v2.db was made with it (`dotnet FactCheck.Report.Tests.dll write-v2-fixture PATH`).
/// </summary>
internal static class V2Report
{
    /// <summary>ContentDigest.ForClaim("Statement c, reworded twice.", "Putin").</summary>
    public const string DigestC3 = "ce1e2b0cc4f3ddbe58e3b31484de30d0";

    /// <summary>Fingerprint.ForFinding("quotes.drift", ["c"], ["euronews"]).</summary>
    public const string DriftOnC = "ee812b25b39c407c8177e6320b7f1642";

    public static void Create(string path)
    {
        V1Report.Create(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, Migrations.V2.Sql + "\nPRAGMA user_version = 2;", transaction);
        Execute(connection, $"""
            INSERT INTO runs VALUES
              (3, '2026-11-03T09:00:00.000Z', '2026-11-03T09:00:02.000Z', '0.2.0', 'bbb222',
               '5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'rd1');
            INSERT INTO sources VALUES (3, 'euronews', 'article', 'Putin on alliance', 'Euronews', NULL, 'claims/sources.yaml', 3);
            INSERT INTO claim_versions (version_id, claim_id, version, digest, status, statement, claimant, first_run_id)
              VALUES (6, 'c', 3, '{DigestC3}', 'unreviewed', 'Statement c, reworded twice.', 'Putin', 3);
            INSERT INTO run_claims VALUES
              (3, 'a', 2, 'claims/story.yaml', 10, 5),
              (3, 'b', 3, 'claims/story.yaml', 25, 5),
              (3, 'c', 6, 'claims/story.yaml', 30, 5);
            INSERT INTO appearances VALUES (3, 'a', 'euronews', 'unattributed', 'Quote a', 'claims/story.yaml', 11, 7);
            INSERT INTO rules VALUES
              (3, 'attribution.unattributed', 'Claims need a claimant', 'warning', 'rules/a.yaml', 1),
              (3, 'quotes.drift', 'Quotes must match the source', 'error', 'rules/q.yaml', 1);
            INSERT INTO findings VALUES
              (4, 3, 'attribution.unattributed', 'warning', 'a is still unattributed', 'claims/story.yaml', 10, 5, 'fp-a'),
              (5, 3, 'quotes.drift', 'error', 'c drifts from the source', 'claims/story.yaml', 30, 5, '{DriftOnC}');
            INSERT INTO finding_claims VALUES (4, 'a'), (5, 'c');
            INSERT INTO finding_sources VALUES (4, 'euronews'), (5, 'euronews');
            INSERT INTO run_errors VALUES (3, 'invalid-input', 'unknown key ''claimnat''', NULL, 'claims/other.yaml', 4, 3);
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
