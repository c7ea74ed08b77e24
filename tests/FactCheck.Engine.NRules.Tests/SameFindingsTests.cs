using Xunit.Abstractions;
using FactCheck.Cli;

namespace FactCheck.Engine.NRules.Tests;

/// <summary>
/// The command line, run in-process with <c>--engine factcheck</c> and <c>--engine nrules</c>: every output format
/// must be byte-identical, on the bundled pack and claims and on a generated corpus.
/// </summary>
public sealed class SameFindingsTests(ITestOutputHelper log)
{
    public static TheoryData<string> Formats() => ["text", "json", "sarif", "github"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Bundled_claims_give_identical_output_on_both_engines(string format)
    {
        var (factcheck, nrules) = Both(RepositoryPaths.Root, ["check", "--no-report", "--fail-on", "never", "--format", format]);
        Assert.Contains("quotes.drift", factcheck);
        Assert.Equal(factcheck, nrules);
    }

    [Fact]
    public void Generated_corpus_gives_identical_output_on_both_engines()
    {
        var work = Directory.CreateTempSubdirectory("factcheck-engines-").FullName;
        try
        {
            FactCheck.Benchmarks.EndToEnd.CorpusGenerator.Write(Path.Combine(work, "claims"), 300, seed: 7);
            foreach (var format in (string[])["text", "json", "sarif"])
            {
                var (factcheck, nrules) = Both(work, ["check", "--no-report", "--fail-on", "never", "--format", format, "--rules", RepositoryPaths.Combine("rules")]);
                Assert.True(factcheck.Length > 10_000, $"the corpus should raise many findings ({format})");
                Assert.Equal(factcheck, nrules);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Rule_tests_pass_on_both_engines()
    {
        var (factcheck, nrules) = Both(RepositoryPaths.Root, ["test"]);
        Assert.Contains(" passed, 0 failed", factcheck);
        Assert.Equal(factcheck, nrules);
    }

    private (string FactCheck, string NRules) Both(string directory, string[] args)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var factcheck = Run(directory, [.. args, "--engine", "factcheck"]);
        var first = clock.ElapsedMilliseconds;
        var nrules = Run(directory, [.. args, "--engine", "nrules"]);
        log.WriteLine($"{string.Join(' ', args)}: factcheck {first} ms, nrules {clock.ElapsedMilliseconds - first} ms");
        return (factcheck, nrules);
    }

    private static string Run(string directory, string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = FactCheckApp.Run(args, stdout, stderr, directory);
        Assert.True(exit is 0 or 1, $"exit {exit}: {stderr}");
        return stdout.ToString();
    }
}
