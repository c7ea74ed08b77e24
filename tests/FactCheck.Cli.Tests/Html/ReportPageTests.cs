using System.Text.RegularExpressions;
using FactCheck.Cli.Tests.Distribution;

namespace FactCheck.Cli.Tests.Html;

/// <summary><c>report --html</c>: the page of a run recorded in a real SQLite report, saying what the report does not keep.</summary>
public sealed partial class ReportPageTests(ReportPageTests.RecordedRuns runs) : IClassFixture<ReportPageTests.RecordedRuns>
{
    private readonly string _work = runs.Folder;

    /// <summary>One report with two runs, shared by the tests (each check takes a few seconds).</summary>
    public sealed class RecordedRuns : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("factcheck-report-html-").FullName;

        public RecordedRuns()
        {
            var work = Folder;
            // Run 1: the bundled story. Run 2: the same plus a hostile claim that adds a finding.
            CopyDirectory(RepositoryPaths.Combine("claims"), Path.Combine(work, "claims"));
            Check(work);
            File.WriteAllText(Path.Combine(work, "claims", "extra.yaml"), """
                propositions:
                  - {key: extra.p, description: P.}
                claims:
                  - id: extra-unattributed
                    statement: "<script>alert(1)</script> & the fee doubled"
                    claimant: {name: "Eve <img src=x onerror=alert(2)>", kind: person}
                    stances: [{proposition: extra.p, stance: asserts}]
                    appearances:
                      - {source: euronews-2023-11-08-putin-alliance, attribution: unattributed, quote: "the fee </blockquote><script>alert(3)</script> doubled"}
                """);
            Check(work);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public void The_latest_run_gets_its_page_with_findings_claims_and_printings_and_says_what_is_missing()
    {
        var (exit, output, error) = Run("report", "--db", "r.db", "--html", "latest.html");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("findings: 10", output, StringComparison.Ordinal); // the usual summary is still printed
        Assert.Contains("wrote the HTML page of run 2", error, StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(_work, "latest.html"));

        Assert.Contains("Run 2 as recorded in the report", page, StringComparison.Ordinal);
        Assert.Contains("It does not keep claimants&#39; roles and kinds, when claims were made", page, StringComparison.Ordinal);
        Assert.Equal(10, FindingItems().Matches(page).Count);
        Assert.Single(Regex.Matches(page, "<strong>New:</strong>"));
        Assert.Contains("1 new since the baseline", page, StringComparison.Ordinal);
        Assert.Equal(29, Regex.Matches(page, "<article class=\"claim\"").Count);
        Assert.Equal(7, Regex.Matches(page, "<article class=\"source\"").Count);

        // The printings side by side, with the word diff against the first ("building" / "forming").
        Assert.Contains("<mark>forming</mark>", page, StringComparison.Ordinal);
        Assert.Contains("Russia and China not building &#39;Cold War-style&#39; alliance, claims Putin", page, StringComparison.Ordinal);

        // Recorded text is text: only the page's own script, no ClaimReview (the report keeps no review details).
        Assert.Single(Regex.Matches(page, "<script[\\s>]"));
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the fee doubled", page, StringComparison.Ordinal);

        // Every in-page link resolves.
        var ids = Regex.Matches(page, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(Regex.Matches(page, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value), target => Assert.Contains(target, ids));
    }

    [Fact]
    public void An_earlier_run_is_chosen_with_run_and_an_unknown_run_is_refused()
    {
        var (exit, _, error) = Run("report", "--db", "r.db", "--run", "1", "--html", "one.html");

        Assert.True(exit == ExitCodes.Success, error);
        var page = File.ReadAllText(Path.Combine(_work, "one.html"));
        Assert.Contains("Run 1 as recorded in the report", page, StringComparison.Ordinal);
        Assert.Equal(9, FindingItems().Matches(page).Count);
        Assert.DoesNotContain("<strong>New:</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("extra-unattributed", page, StringComparison.Ordinal);

        (exit, _, error) = Run("report", "--db", "r.db", "--run", "7", "--html", "seven.html");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("has no run 7", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "seven.html")));
    }

    [ChromiumFact]
    public void The_recorded_run_page_renders_and_filters_in_a_browser()
    {
        var (exit, _, error) = Run("report", "--db", "r.db", "--html", "page.html");
        Assert.True(exit == ExitCodes.Success, error);
        var url = new Uri(Path.Combine(_work, "page.html")).AbsoluteUri + "#severity=warning";

        var result = Processes.Run(
            ChromiumFactAttribute.Browser,
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(_work, "profile")}", "--virtual-time-budget=3000", "--dump-dom", url],
            _work,
            TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.ToString());
        var shown = Regex.Match(result.Output, "data-filtered=\"(\\d+)/(\\d+)\"");
        Assert.True(shown.Success, "the page's script did not run");
        Assert.Equal("10", shown.Groups[2].Value);
        Assert.Equal("1", shown.Groups[1].Value); // the bundled story's one warning
    }

    private static void Check(string work)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(["check", "--claims", "claims", "--db", "r.db", "-q"], output, error, work);
        Assert.True(exit is ExitCodes.Success or ExitCodes.Findings, error.ToString());
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(args, output, error, _work);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex("<li class=\"finding\"")]
    private static partial Regex FindingItems();
}
