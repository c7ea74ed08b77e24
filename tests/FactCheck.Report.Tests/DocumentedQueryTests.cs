namespace FactCheck.Report.Tests;

/// <summary>The example queries of src/FactCheck.Report/README.md run as written.</summary>
public sealed class DocumentedQueryTests
{
    [Fact]
    public void ReadmeExampleQueriesRun()
    {
        var readme = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "FactCheck.Report", "README.md"));
        var block = readme[(readme.IndexOf("```sql", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var queries = block.Split(';').Select(q => string.Join('\n', q.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(q => q.Length > 0).ToList();
        Assert.True(queries.Count >= 7);

        using var dir = new TempDirectory();
        using var store = ReportStore.Open(dir.File("report.db"));
        store.WriteRun(SampleRuns.Basic() with { StartedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow });
        store.WriteRun(SampleRuns.Basic() with { StartedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow });
        foreach (var query in queries)
        {
            var result = store.QueryReadOnly(query);
            Assert.NotEmpty(result.Columns);
        }

        var perRun = store.QueryReadOnly(queries[^1]);
        Assert.Equal(6, perRun.Rows.Count); // two runs × three severities
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "FactCheck.Report")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
