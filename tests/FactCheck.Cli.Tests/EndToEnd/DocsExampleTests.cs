using System.Text.RegularExpressions;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>
/// The example output in the docs is the real output: every block after a <c>&lt;!-- factcheck ... --&gt;</c>
/// comment is the output of that command on the bundled claims and rules, run in-process from the
/// repository's root. When the rules or the data change, UPDATE_EXPECTED=1 rewrites the blocks.
/// </summary>
public sealed partial class DocsExampleTests
{
    public static TheoryData<string> Pages() => new() { "commands.md", "ci.md" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Example_output_in_the_docs_is_the_real_output(string page)
    {
        var path = RepositoryPaths.Combine("docs", page);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var examples = Example().Matches(text);
        Assert.NotEmpty(examples);
        var updated = Example().Replace(text, match =>
        {
            var args = match.Groups["command"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            Assert.Contains("--no-report", args); // the docs' examples never write a report into the checkout
            var stdout = new StringWriter { NewLine = "\n" };
            FactCheckApp.Run(args, stdout, TextWriter.Null, RepositoryPaths.Combine());
            return $"{match.Groups["head"].Value}{stdout}```";
        });

        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, updated);
            return;
        }

        Assert.True(text == updated, $"docs/{page} shows output that is not what the command prints now; run the tests with UPDATE_EXPECTED=1 and review the diff");
    }

    [GeneratedRegex(@"(?<head><!-- (?<command>factcheck [^>]*?) -->\n```text\n)(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
