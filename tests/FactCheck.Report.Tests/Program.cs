namespace FactCheck.Report.Tests;

/// <summary>
/// Entry point used only as a child process by <see cref="InterruptedRunTests"/>: it starts writing a large
/// run, says so on stdout half way through, and then waits to be killed inside the open transaction.
/// It also writes the checked-in fixtures (<see cref="V1Report"/>, <see cref="V2Report"/>, <see cref="V3Report"/>). The test runner never calls this.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["write-v1-fixture", var fixture])
        {
            V1Report.Create(fixture);
            return 0;
        }

        if (args is ["write-v2-fixture", var v2Fixture])
        {
            V2Report.Create(v2Fixture);
            return 0;
        }

        if (args is ["write-v3-fixture", var v3Fixture])
        {
            V3Report.Create(v3Fixture);
            return 0;
        }

        if (args is not [var mode and ("write-and-hang" or "begin-and-hang" or "begin-and-hang-later"), var path])
        {
            Console.Error.WriteLine("usage: FactCheck.Report.Tests (write-and-hang | begin-and-hang | begin-and-hang-later | write-v1-fixture | write-v2-fixture | write-v3-fixture) <report>");
            return 2;
        }

        using var store = ReportStore.Open(path);

        // A tiny page cache makes SQLite spill the open transaction's pages into the WAL before the kill.
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "PRAGMA cache_size = 16";
            command.ExecuteNonQuery();
        }

        if (mode is "begin-and-hang" or "begin-and-hang-later")
        {
            // The claims' side of the run is written and the transaction left open, as while a check runs its rules;
            // "later": killed while the findings are written, after the rules.
            using var written = new ManualResetEventSlim();
            store.StageCompleted = stage =>
            {
                if (stage == "claims") written.Set();
                if (stage == "findings-half") Hang();
            };
            using var pending = store.BeginRun(LargeRun(5_000));
            written.Wait();
            if (mode == "begin-and-hang") Hang();
            pending.Complete(LargeRun(5_000) with { Sources = [], Claims = [], Appearances = [], Citations = [] });
        }

        store.StageCompleted = stage =>
        {
            if (stage == "findings-half") Hang();
        };
        store.WriteRun(LargeRun(2_000));
        return 0;
    }

    private static void Hang()
    {
        Console.Out.WriteLine("mid-write");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    public static RunData LargeRun(int count) => SampleRuns.Run(
        Enumerable.Range(0, count).Select(i => SampleRuns.Claim($"claim-{i:D6}", line: i)),
        Enumerable.Range(0, count).Select(i => SampleRuns.Finding("quotes.drift", $"claim-{i:D6}", "euronews")));
}
