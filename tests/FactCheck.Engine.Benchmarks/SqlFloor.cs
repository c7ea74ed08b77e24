using Microsoft.Data.Sqlite;

/// <summary>
/// The floor the engine is held to: the same two rules as SQL over SQLite in memory, written as fast as SQLite runs
/// them. The rows go in in one transaction with prepared statements, then the indexes on the join keys are built
/// (claim (proposition, polarity), attribution (claim_id)); the opposite-polarity test is an equality
/// (<c>b.polarity = 1 - a.polarity</c>) so that the index finds exactly the partners; the database counts the
/// matches (no row reaches .NET, so this does less than firing an action per match). Measured slower on this machine,
/// so not the floor: indexes created before the rows (maintained on each insert, as the engine's memories are), a
/// proposition-only index with <c>b.polarity &lt;&gt; a.polarity</c> (at 100,000 claims 2.2–3.7 s against 1.6 s, loaded).
/// "compile" is opening the database and creating the tables; "insert" the rows and the indexes; "fire" the two
/// counting queries.
/// </summary>
internal static class SqlFloor
{
    public static int Run(int n)
    {
        var data = new Data(n);
        var m = new Measure();
        m.StartCompile();
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Execute(db, null, """
            CREATE TABLE claim (id INTEGER PRIMARY KEY, proposition TEXT NOT NULL, polarity INTEGER NOT NULL);
            CREATE TABLE attribution (claim_id INTEGER NOT NULL);
            """);
        m.EndCompile();

        m.StartInsert();
        using (var tx = db.BeginTransaction())
        {
            using var claim = Prepare(db, tx, "INSERT INTO claim VALUES ($a, $b, $c)", 3);
            foreach (var c in data.Claims)
            {
                claim.Parameters[0].Value = c.Id;
                claim.Parameters[1].Value = c.Proposition;
                claim.Parameters[2].Value = c.Polarity ? 1 : 0;
                claim.ExecuteNonQuery();
            }
            using var attribution = Prepare(db, tx, "INSERT INTO attribution VALUES ($a)", 1);
            foreach (var a in data.Attributions)
            {
                attribution.Parameters[0].Value = a.ClaimId;
                attribution.ExecuteNonQuery();
            }
            Execute(db, tx, """
                CREATE INDEX claim_proposition ON claim (proposition, polarity);
                CREATE INDEX attribution_claim ON attribution (claim_id);
                """);
            tx.Commit();
        }
        m.EndInsert();
        var contradictions = Count(db, "SELECT count(*) FROM claim a JOIN claim b ON b.proposition = a.proposition AND b.polarity = 1 - a.polarity");
        var unattributed = Count(db, "SELECT count(*) FROM claim c WHERE NOT EXISTS (SELECT 1 FROM attribution x WHERE x.claim_id = c.id)");
        m.EndFire();
        m.Print(n, "SQLite (SQL floor)", contradictions + unattributed, "");
        return 0;
    }

    private static void Execute(SqliteConnection db, SqliteTransaction? tx, string sql)
    {
        using var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection db, SqliteTransaction tx, string sql, int parameters)
    {
        var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null));
        command.Prepare();
        return command;
    }

    private static long Count(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
