using FactCheck.Cli.Commands;

namespace FactCheck.Cli.Tests.Caching;

/// <summary><c>validate</c> and <c>check</c> print the same with the parsed-file cache as with <c>--no-cache</c>, before and after an edit.</summary>
public sealed class CacheCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-cli-cache-").FullName;
    private readonly string _cache = Directory.CreateTempSubdirectory("factcheck-cli-cache-folder-").FullName;

    public CacheCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_work, ".git"));
        foreach (var folder in new[] { "claims", "rules" })
        {
            var from = RepositoryPaths.Combine(folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(_work, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                File.SetLastWriteTimeUtc(to, DateTime.UtcNow.AddMinutes(-5));
            }
        }
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public void Validate_and_check_print_the_same_from_the_cache_as_without_it()
    {
        using var cache = CacheOption.Use(_cache);
        string[][] commands = [["validate"], ["check", "--no-report", "--format", "sarif"]];
        Run(["validate", "--no-cache"]);
        Assert.Empty(Directory.GetFiles(_cache));
        foreach (var command in commands)
        {
            var plain = Run([.. command, "--no-cache"]);

            Assert.Equal(plain, Run(command)); // validate parses and stores; check finds what validate stored
            Assert.NotEmpty(Directory.GetFiles(_cache));
            Assert.Equal(plain, Run(command));
        }

        var zhang = Path.Combine(_work, "claims", "zhang.yaml");
        File.WriteAllText(zhang, File.ReadAllText(zhang).Replace("statement:", "statment:", StringComparison.Ordinal));
        foreach (var command in commands)
        {
            var plain = Run([.. command, "--no-cache"]);
            Assert.Equal(ExitCodes.InvalidInput, plain.Exit);
            Assert.Contains("statment", plain.Output, StringComparison.Ordinal);
            Assert.Equal(plain, Run(command));
            Assert.Equal(plain, Run(command));
        }
    }

    private (int Exit, string Output) Run(string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exit = FactCheckApp.Run(args, output, TextWriter.Null, _work);
        return (exit, output.ToString());
    }
}
