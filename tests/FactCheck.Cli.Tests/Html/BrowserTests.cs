using System.Text.RegularExpressions;
using FactCheck.Cli.Tests.Distribution;

namespace FactCheck.Cli.Tests.Html;

/// <summary>The page for the bundled story in a real browser (headless Chromium): it renders, and its filters work under its own Content-Security-Policy.</summary>
public sealed partial class BrowserTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-browser-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [ChromiumFact]
    public void The_page_renders_on_a_desktop_and_a_phone()
    {
        var page = WritePage();
        foreach (var (name, size) in new[] { ("desktop", "1200,1600"), ("phone", "390,1400") })
        {
            var shot = Path.Combine(_work, name + ".png");
            var result = Chromium($"--screenshot={shot}", $"--window-size={size}", new Uri(page).AbsoluteUri);
            Assert.True(File.Exists(shot), result.ToString());
            var png = File.ReadAllBytes(shot);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.True(png.Length > 20_000, $"{name}: a {png.Length}-byte screenshot is too small to show the page");
        }
    }

    [ChromiumFact]
    public void A_filter_in_the_address_is_applied_by_the_page_script()
    {
        var page = new Uri(WritePage()).AbsoluteUri;

        var all = Dom(page);
        var total = Filtered().Match(all);
        Assert.True(total.Success, "the page's script did not run (blocked by its own policy?)");
        Assert.Equal(total.Groups[2].Value, total.Groups[1].Value);

        var info = Dom(page + "#severity=info");
        var shown = Filtered().Match(info);
        Assert.True(int.Parse(shown.Groups[1].Value) < int.Parse(shown.Groups[2].Value), shown.Value);
        Assert.All(FindingTags().Matches(info), m => Assert.Equal(m.Groups[1].Value != "info", m.Value.Contains("hidden", StringComparison.Ordinal)));

        var drift = Dom(page + "#rule=quotes.drift");
        Assert.All(FindingTags().Matches(drift), m => Assert.Equal(!m.Value.Contains("data-rule=\"quotes.drift\"", StringComparison.Ordinal), m.Value.Contains("hidden", StringComparison.Ordinal)));
        Assert.Contains("<select id=\"f-rule\"", drift, StringComparison.Ordinal);
    }

    private string WritePage()
    {
        var path = Path.Combine(_work, "page.html");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(["check", "--claims", RepositoryPaths.Combine("claims"), "--no-report", "--html", path, "-q"], output, error, _work);
        Assert.True(exit is ExitCodes.Success or ExitCodes.Findings, error.ToString());
        return path;
    }

    private string Dom(string url)
    {
        var result = Chromium("--virtual-time-budget=3000", "--dump-dom", url);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    private Processes.Result Chromium(params string[] args) =>
        Processes.Run(
            ChromiumFactAttribute.Browser,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(_work, "profile")}", .. args],
            _work,
            Limit);

    [GeneratedRegex("data-filtered=\"(\\d+)/(\\d+)\"")]
    private static partial Regex Filtered();

    [GeneratedRegex("<li class=\"finding\" data-severity=\"(\\w+)\"[^>]*>")]
    private static partial Regex FindingTags();
}
