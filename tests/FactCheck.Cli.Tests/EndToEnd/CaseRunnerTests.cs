using FactCheck.Cli;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>
/// The command line, run in-process on case folders. Each folder under Cases/ holds its inputs
/// (claims/, rules/ ...), <c>args</c> (one argument per line; several runs separated by a line
/// <c>---</c>, the last one being checked), <c>expected.out</c> (standard output of the last run)
/// and <c>expected.exit</c>, and optionally <c>expected.err</c> (its standard error, the temporary
/// folder written as <c>&lt;work&gt;</c>). The folder is copied to a temporary directory first, so runs that write
/// a report leave the repository untouched.
/// An optional <c>links</c> file makes symbolic links in the copy, one <c>path -&gt; target</c> a line (hostile cases:
/// links are not kept in git, where they would lead other tools astray). UPDATE_EXPECTED=1 rewrites the expected files.
/// </summary>
public sealed class CaseRunnerTests
{
    private static readonly string CasesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "Cases");

    public static TheoryData<string> Cases() => CaseFolders.Names(CasesDirectory);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_expected_output_and_exit_code(string name)
    {
        var source = Path.Combine(CasesDirectory, name);
        var work = Directory.CreateTempSubdirectory($"factcheck-case-{name}-").FullName;
        try
        {
            Copy(source, work);
            MakeLinks(Path.Combine(source, "links"), work);
            var runs = File.ReadAllText(Path.Combine(source, "args"))
                .Split("---\n")
                .Select(block => block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();

            string output = string.Empty;
            string errors = string.Empty;
            var exit = 0;
            foreach (var args in runs)
            {
                var stdout = new StringWriter { NewLine = "\n" };
                var stderr = new StringWriter { NewLine = "\n" };
                exit = FactCheckApp.Run(args, stdout, stderr, work);
                output = Normalize(stdout.ToString());
                errors = Normalize(stderr.ToString()).Replace(work, "<work>", StringComparison.Ordinal);
            }

            // A second identical run must print byte-identical output (no timestamps, stable order).
            var again = new StringWriter { NewLine = "\n" };
            Assert.Equal(exit, FactCheckApp.Run(runs[^1], again, TextWriter.Null, work));
            Assert.Equal(output, Normalize(again.ToString()));

            CaseFolders.AssertExpected(Path.Combine(source, "expected.out"), output);
            CaseFolders.AssertExpected(Path.Combine(source, "expected.exit"), exit + "\n");
            var expectedErrors = Path.Combine(source, "expected.err");
            if (File.Exists(expectedErrors)) CaseFolders.AssertExpected(expectedErrors, errors);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The report's run times are the one thing that differs from run to run.</summary>
    private static string Normalize(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, @"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?Z", "<time>");

    private static void MakeLinks(string list, string work)
    {
        if (!File.Exists(list)) return;
        foreach (var line in File.ReadAllLines(list).Where(l => l.Contains(" -> ", StringComparison.Ordinal)))
        {
            var (path, target) = (line[..line.IndexOf(" -> ", StringComparison.Ordinal)], line[(line.IndexOf(" -> ", StringComparison.Ordinal) + 4)..]);
            var at = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(at)!);
            if (target.EndsWith('/')) Directory.CreateSymbolicLink(at, target.TrimEnd('/'));
            else File.CreateSymbolicLink(at, target);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
