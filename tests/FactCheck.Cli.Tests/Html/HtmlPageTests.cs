using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FactCheck.Claims.Model;
using FactCheck.Cli.Html;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Html;

/// <summary><c>check --html</c>: one self-contained page that no claim text can inject into, and that stays small.</summary>
public sealed partial class HtmlPageTests : IDisposable
{
    private const string Hostile = """
        propositions:
          - {key: p, description: P.}
        sources:
          - id: s1
            kind: article
            outlet: "</script><script>alert('outlet')</script>"
            title: "<img src=x onerror=alert(1)>"
            url: "https://evil.example/\"><script>alert(2)</script>"
            published: 2024-03-01
          - {id: s2, kind: article, outlet: Other, published: 2024-03-02}
        claims:
          - id: c1
            statement: "<b onmouseover=alert(3)>bold</b> & more"
            claimant: {name: "Eve \"<svg onload=alert(4)>\"", kind: person}
            made: {text: "on <i>Friday</i>", date: 2024-03-01}
            stances: [{proposition: p, stance: asserts}]
            appearances:
              - {source: s1, attribution: direct-quote, quote: "we will </blockquote><script>alert(5)</script> win"}
              - {source: s2, attribution: direct-quote, quote: "we shall <script>alert(6)</script> win"}
            review:
              status: false
              rating: "</script><script>alert(7)</script>"
              url: "https://checkers.example/a?b=<c>"
              organisation: Desk & Co
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-html-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void No_text_from_the_claims_becomes_markup_or_script()
    {
        var page = Page(Hostile);

        Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onmouseover", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"><script", page, StringComparison.OrdinalIgnoreCase);

        // Exactly the page's own two script elements: the JSON-LD and the filter script.
        Assert.Equal(2, ScriptOpen().Matches(page).Count);
        Assert.Contains("&lt;b onmouseover=alert(3)&gt;bold&lt;/b&gt; &amp; more", page, StringComparison.Ordinal);

        // The JSON-LD still carries the words exactly, escaped for JSON rather than mangled.
        var ld = JsonNode.Parse(LdJson().Match(page).Groups[1].Value)!.AsArray();
        Assert.Equal("</script><script>alert(7)</script>", (string?)ld[0]!["reviewRating"]!["alternateName"]);
    }

    [Fact]
    public void The_page_fetches_nothing_and_links_no_other_origin_for_resources()
    {
        var page = Page(Hostile);

        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{PageAssets.ContentSecurityPolicy}\">", page, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", PageAssets.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Empty(ResourceAttribute().Matches(page));
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_bundled_story_page_has_findings_printings_sources_timeline_graph_and_landmarks()
    {
        var output = Path.Combine(_work, "story.html");
        var (exit, _, error) = Run("check", "--claims", RepositoryPaths.Combine("claims"), "--no-report", "--html", output, "-q");

        Assert.True(exit is ExitCodes.Success or ExitCodes.Findings, error);
        var page = File.ReadAllText(output);
        foreach (var landmark in new[] { "<main>", "<header>", "<nav aria-label=\"Sections\">", "<footer>", "<label for=\"f-severity\">", "<label for=\"f-rule\">", "<label for=\"f-source\">" })
        {
            Assert.Contains(landmark, page, StringComparison.Ordinal);
        }

        Assert.Contains("data-rule=\"quotes.drift\"", page, StringComparison.Ordinal);
        Assert.Contains("<mark>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"timeline\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("Derived from", page, StringComparison.Ordinal);

        // Every link inside the page points at an element that exists.
        var ids = IdAttribute().Matches(page).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(LocalHref().Matches(page).Select(m => m.Groups[1].Value), target => Assert.Contains(target, ids));
    }

    [Fact]
    public void A_large_corpus_is_summarised_not_printed_whole()
    {
        var sources = Enumerable.Range(0, 5_000).Select(i => new Source($"s{i}", SourceKind.Article, $"Title {i}", "Outlet", [], null, null, null, null, null, null, null, null, Location.None)).ToList();
        var claims = Enumerable.Range(0, 20_000).Select(i => new Claim(
            $"c{i}", $"Statement number {i}.", new Claimant("Someone", ClaimantKind.Person, null, Location.None), null, [],
            [new Appearance(new Reference($"s{i % 5_000}", Location.None), AttributionKind.Paraphrase, $"words {i}", null, null, [], Location.None)],
            [], new Review(ReviewStatus.Unreviewed, null, null, Location.None), ClaimLinks.Empty, [], null, Location.None)).ToList();
        var outcome = new CheckOutcome("test", [], [], [], [], [], claims.Count, sources.Count, null, false, 0);
        var writer = new StringWriter();

        HtmlPage.Write(writer, outcome, new ClaimSet(sources, [], claims, []), "large");

        var page = writer.ToString();
        Assert.Equal(HtmlPage.MaxUnflaggedClaims, Regex.Matches(page, "<article class=\"claim\"").Count);
        Assert.Contains("Left out: 0 more claims with findings and 19,800 more claims without findings.", page, StringComparison.Ordinal);
        Assert.True(page.Length < 1_000_000, $"{page.Length} characters");
    }

    private string Page(string yaml)
    {
        File.WriteAllText(Path.Combine(_work, "claims.yaml"), yaml);
        var (exit, _, error) = Run("check", "--claims", "claims.yaml", "--no-report", "--html", "page.html", "-q");
        Assert.True(exit is ExitCodes.Success or ExitCodes.Findings, error);
        return File.ReadAllText(Path.Combine(_work, "page.html"));
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(args, output, error, _work);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex("<script[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOpen();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex LdJson();

    /// <summary>Attributes that make a browser fetch: src, srcset, data, poster, or action; inside a tag, not in escaped text.</summary>
    [GeneratedRegex("<[a-z][^<>]*\\s(src|srcset|data|poster|action|formaction)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceAttribute();

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex LocalHref();
}
