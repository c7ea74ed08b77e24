using Microsoft.Data.Sqlite;

namespace FactCheck.Report.Tests;

/// <summary>Files that are not (usable) reports are refused with a clear message and left byte-for-byte as they were.</summary>
public sealed class RefusedFileTests
{
    [Fact]
    public void TextFileIsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.db");
        File.WriteAllText(path, "These are my notes, not a database.\n" + new string('x', 500));
        var error = AssertRefusedUntouched(path);
        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignSqliteDatabaseIsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUntouched(path);
        Assert.Contains("not a FactCheck report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportFromANewerVersionIsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("future.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(SampleRuns.Basic());
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {ReportStore.CurrentSchemaVersion + 1}; PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUntouched(path);
        Assert.Contains("newer than this FactCheck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedReportIsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(Program.LargeRun(500));
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = AssertRefusedUntouched(path);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWithGarbledSchemaPageIsRefusedUntouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("garbled.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(SampleRuns.Basic());
        }

        // Keep the 100-byte file header, scribble over the rest of page 1 (the schema table).
        var bytes = File.ReadAllBytes(path);
        new Random(7).NextBytes(bytes.AsSpan(100, 3900));
        File.WriteAllBytes(path, bytes);
        AssertRefusedUntouched(path);
    }

    [Fact]
    public void MissingDirectoryAndDirectoryPathGetClearErrors()
    {
        using var dir = new TempDirectory();
        var missing = Assert.Throws<ReportException>(() => ReportStore.Open(dir.File(Path.Combine("nope", "report.db"))));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        var isDirectory = Assert.Throws<ReportException>(() => ReportStore.Open(dir.Path));
        Assert.Contains("is a directory", isDirectory.Message, StringComparison.Ordinal);
        var noReport = Assert.Throws<ReportException>(() => ReportStore.OpenReadOnly(dir.File("absent.db")));
        Assert.Contains("no report", noReport.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("absent.db")));
    }

    [Theory]
    [InlineData("CREATE TRIGGER wipe AFTER INSERT ON runs BEGIN DELETE FROM findings; END", "trigger 'wipe' on runs is not FactCheck's")]
    [InlineData("DROP VIEW latest_findings; CREATE VIEW latest_findings AS SELECT * FROM findings WHERE 0", "view 'latest_findings' differs from FactCheck's")]
    [InlineData("CREATE TABLE notes (x TEXT)", "table 'notes' is not FactCheck's")]
    [InlineData("DROP INDEX run_errors_by_run", "index 'run_errors_by_run' is missing")]
    [InlineData("CREATE INDEX findings_by_message ON finding_contents (message)", "index 'findings_by_message' is not FactCheck's")]
    public void ReportWithForeignSchemaObjectsIsRefusedUntouched(string change, string named)
    {
        using var dir = new TempDirectory();
        var path = dir.File("tampered.db");
        using (var store = ReportStore.Open(path))
        {
            store.WriteRun(SampleRuns.Basic());
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = change + "; PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUntouched(path);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
    }

    private static ReportException AssertRefusedUntouched(string path)
    {
        var before = File.ReadAllBytes(path);
        var forWriting = Assert.Throws<ReportException>(() => ReportStore.Open(path));
        Assert.Throws<ReportException>(() => ReportStore.OpenReadOnly(path));
        Assert.Throws<ReportException>(() => ReportStore.ReadBaselineFingerprints(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Contains(path, forWriting.Message, StringComparison.Ordinal);
        return forWriting;
    }
}
