using System.Text.Json.Nodes;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.Tests.ClaimReview;

/// <summary><c>factcheck import claimreview</c>: published fact-checks become reviews of the claims they check, or new claims.</summary>
public sealed class ClaimReviewImportTests : IDisposable
{
    private static readonly string Fixtures = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "ClaimReview", "Fixtures");

    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-import-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Export_then_import_gives_the_same_reviews()
    {
        var original = ClaimsLoader.Load([Path.Combine(Fixtures, "reviewed")], _work).ClaimSet.Claims.Where(c => c.Review.Url is not null).ToList();
        var (exit, exported, error) = Run("export", "claimreview", Path.Combine(Fixtures, "reviewed"));
        Assert.True(exit == ExitCodes.Success, error);
        File.WriteAllText(Path.Combine(_work, "reviews.json"), exported);

        // The same claims without their reviews: the import must put each review back on its own claim.
        Directory.CreateDirectory(Path.Combine(_work, "claims"));
        var yaml = File.ReadAllLines(Path.Combine(Fixtures, "reviewed", "claims.yaml"));
        var stripped = new List<string>();
        var inReview = false;
        foreach (var line in yaml)
        {
            if (line.StartsWith("    review:", StringComparison.Ordinal)) inReview = true;
            else if (!line.StartsWith("      ", StringComparison.Ordinal)) inReview = false;
            if (!inReview) stripped.Add(line);
        }

        var claimsFile = Path.Combine(_work, "claims", "claims.yaml");
        File.WriteAllLines(claimsFile, stripped);
        var before = File.ReadAllText(claimsFile);

        (exit, var output, error) = Run("import", "claimreview", "reviews.json", "--into", "claims/imported.yaml");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("imported 0 new claims into claims/imported.yaml and 2 reviews of recorded claims", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "claims", "imported.yaml")));
        var after = File.ReadAllText(claimsFile);
        AssertOnlyInserted(before, after);

        var loaded = ClaimsLoader.Load([Path.Combine(_work, "claims")], _work);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        foreach (var want in original)
        {
            var got = loaded.ClaimSet.Claims.Single(c => c.Id == want.Id).Review;
            Assert.Equal(Published(want.Review), Published(got));
        }

        // Importing again changes nothing: each fact-check is recorded already.
        (exit, output, error) = Run("import", "claimreview", "reviews.json", "--into", "claims/imported.yaml");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("nothing to write", output, StringComparison.Ordinal);
        Assert.Contains("is already recorded on 'mayor-fee-pays-pier'", error, StringComparison.Ordinal);
        Assert.Equal(after, File.ReadAllText(claimsFile));
    }

    [Fact]
    public void A_fact_check_page_is_read_with_its_graph_and_becomes_a_new_claim_with_its_appearances()
    {
        CopyClaims();
        var page = Path.Combine(Fixtures, "import", "factcheck-page.html");

        var (exit, output, error) = Run("import", "claimreview", page, "--into", "claims/imported.yaml");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("imported 1 new claim", output, StringComparison.Ordinal);
        var loaded = ClaimsLoader.Load([Path.Combine(_work, "claims")], _work);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var claim = loaded.ClaimSet.Claims.Single(c => c.Location.File.EndsWith("imported.yaml", StringComparison.Ordinal));
        Assert.Equal("The council doubled the harbour fee this year.", claim.Statement);
        Assert.Equal(new Claimant("Ola Brenn", ClaimantKind.Person, "Opposition leader", claim.Claimant.Location), claim.Claimant);
        Assert.Equal("2024-03-02", claim.Made!.Date.ToString());
        Assert.Equal(ReviewStatus.False, claim.Review.Status);
        Assert.Equal("Coast Fact Desk", claim.Review.Organisation); // the author given by @id
        Assert.Equal("2024-03-05T09:30+01:00", claim.Review.Published.ToString()); // seconds are not recorded
        Assert.Equal(1m, claim.Review.RatingValue);

        // The first appearance first, the same address with a trailing slash once; the recorded Gazette source reused.
        var sources = claim.Appearances.Select(a => a.Source.Id).ToList();
        Assert.Equal(["social-example-olabrenn-status-1", "gazette-example-2024-03-03-fee-row"], sources);
        var social = loaded.ClaimSet.Sources.Single(s => s.Id == sources[0]);
        Assert.Equal(SourceKind.SocialPost, social.Kind);
        Assert.Equal("Harbour Gazette", loaded.ClaimSet.Sources.Single(s => s.Id == sources[1]).Outlet);
    }

    [Fact]
    public void Matching_words_of_the_same_claimant_become_a_review_and_an_unknown_rating_is_left_for_the_editor()
    {
        CopyClaims();
        var (exit, output, error) = Run("import", "claimreview", Path.Combine(Fixtures, "import", "two-reviews.jsonld"));

        Assert.True(exit == ExitCodes.Success, error);

        // "The new pier opens in May" by Mara Quist is the recorded unreviewed-claim: proposed under it.
        Assert.Contains("# unreviewed-claim (claims/claims.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("#      status: misleading", output, StringComparison.Ordinal);
        Assert.Contains("#      rating: Mostly false", output, StringComparison.Ordinal);

        // The council's ferry claim is new; no appearance is named, so the fact-check is its source.
        Assert.Contains("statement: Ferry tickets will be free for residents.", output, StringComparison.Ordinal);
        Assert.Contains("kind: organisation", output, StringComparison.Ordinal);
        Assert.Contains("url: https://checkers.example/2024/04/ferry", output, StringComparison.Ordinal);
        Assert.Contains("attribution: reported", output, StringComparison.Ordinal);
        Assert.Contains("status: unreviewed  # the rating \"Four Pinocchios? No: unrated\" is no common verdict: set the status", output, StringComparison.Ordinal);

        // What it prints loads (placeholders and all) next to the recorded claims.
        File.WriteAllText(Path.Combine(_work, "claims", "new.yaml"), output);
        var loaded = ClaimsLoader.Load([Path.Combine(_work, "claims")], _work);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
    }

    [Fact]
    public void A_review_under_an_unreviewed_status_keeps_the_status_line_and_an_existing_review_is_not_overwritten()
    {
        Directory.CreateDirectory(Path.Combine(_work, "claims"));
        var file = Path.Combine(_work, "claims", "c.yaml");
        File.WriteAllText(file, """
            sources:
              - {id: s, kind: article}
            propositions:
              - {key: p, description: P.}
              - {key: q, description: Q.}
            claims:
              - id: fee
                statement: The council doubled the harbour fee this year.
                claimant: {name: Ola Brenn, kind: person}
                stances: [{proposition: p, stance: asserts}]
                appearances: [{source: s, attribution: paraphrase, quote: the council doubled the fee}]
                review:
                  status: unreviewed
                note: kept
              - id: pier
                statement: The new pier opens in May.
                claimant: {name: Mara Quist, kind: person}
                stances: [{proposition: q, stance: asserts}]
                appearances: [{source: s, attribution: paraphrase, quote: the pier opens in May}]
                review:
                  status: true
                  url: https://other.example/pier
                  organisation: Other Desk
            """);
        var before = File.ReadAllText(file);

        var (exit, output, error) = Run(
            "import", "claimreview", Path.Combine(Fixtures, "import", "factcheck-page.html"), Path.Combine(Fixtures, "import", "two-reviews.jsonld"), "--into", "claims/new.yaml");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("and 1 review of recorded claims", output, StringComparison.Ordinal);
        Assert.Contains("'pier' already has a review; the one from https://checkers.example/2024/04/pier-opening is not added", error, StringComparison.Ordinal);
        Assert.Contains("factcheck import: left out: claims/c.yaml:", error, StringComparison.Ordinal);
        var after = File.ReadAllText(file);
        AssertOnlyInserted(before, after);
        var loaded = ClaimsLoader.Load([Path.Combine(_work, "claims")], _work);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var fee = loaded.ClaimSet.Claims.Single(c => c.Id == "fee");
        Assert.Equal(ReviewStatus.Unreviewed, fee.Review.Status); // the editor's line, untouched
        Assert.Equal("False", fee.Review.Rating);
        Assert.Equal("https://checkers.example/2024/03/fee-not-doubled", fee.Review.Url);
        Assert.Equal("kept", fee.Note);
        Assert.Equal("https://other.example/pier", loaded.ClaimSet.Claims.Single(c => c.Id == "pier").Review.Url);
    }

    [Fact]
    public void A_review_that_cannot_be_inserted_is_named_with_its_place_and_fails_the_command()
    {
        Directory.CreateDirectory(Path.Combine(_work, "claims"));
        File.WriteAllText(Path.Combine(_work, "claims", "c.yaml"), """
            sources:
              - {id: s, kind: article}
            propositions:
              - {key: p, description: P.}
            claims:
              - id: fee
                statement: The council doubled the harbour fee this year.
                claimant: {name: Ola Brenn, kind: person}
                stances: [{proposition: p, stance: asserts}]
                appearances: [{source: s, attribution: paraphrase, quote: the council doubled the fee}]
                review: {status: unreviewed}
              - {id: ferry, statement: "Ferry tickets will be free for residents.", claimant: {name: Harbour Council, kind: organisation}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: ferry free}]}
            """);

        var (exit, _, error) = Run(
            "import", "claimreview", Path.Combine(Fixtures, "import", "factcheck-page.html"), Path.Combine(Fixtures, "import", "two-reviews.jsonld"), "--into", "claims/c.yaml");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("error: claims/c.yaml:6:5: the review of 'fee' is written in flow style (review: {status: unreviewed})", error, StringComparison.Ordinal);
        Assert.Contains("error: claims/c.yaml:12:5: 'ferry' is written in flow style", error, StringComparison.Ordinal);
        Assert.False(ClaimsLoader.Load([Path.Combine(_work, "claims")], _work).HasErrors);
    }

    [Fact]
    public void Malformed_json_and_missing_properties_are_positioned_errors_all_at_once()
    {
        File.WriteAllText(Path.Combine(_work, "broken.json"), "{\n  \"@type\": \"ClaimReview\",\n  \"url\": \"https://x.example/a\"\n  \"claimReviewed\": \"x\"\n}");
        File.WriteAllText(Path.Combine(_work, "incomplete.jsonld"), """
            [
              {"@type": "ClaimReview", "claimReviewed": "A", "url": "ftp://x.example/a", "reviewRating": {"@type": "Rating", "ratingValue": 1}},
              {"@type": "ClaimReview", "reviewRating": {"@type": "Rating", "alternateName": "False"}}
            ]
            """);
        File.WriteAllText(Path.Combine(_work, "page.html"), "<html><head>\n<title>t</title>\n  <script type=\"application/ld+json\">\n{\"@type\": \"ClaimReview\",, }\n</script></head></html>");

        var (exit, output, error) = Run("import", "claimreview", "broken.json", "incomplete.jsonld", "page.html");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("", output);
        Assert.Contains("broken.json:4:3: error: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains("incomplete.jsonld:2:57: error: url 'ftp://x.example/a' is not an http(s) address", error, StringComparison.Ordinal);
        Assert.Contains("incomplete.jsonld:2:94: error: the reviewRating has no alternateName", error, StringComparison.Ordinal);
        Assert.Contains("incomplete.jsonld:3:3: error: the ClaimReview has no claimReviewed", error, StringComparison.Ordinal);
        Assert.Contains("incomplete.jsonld:3:3: error: the ClaimReview has no url", error, StringComparison.Ordinal);
        Assert.Contains("page.html:4:25: error: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains("6 errors; nothing imported", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_input_is_refused_with_bounded_cost()
    {
        File.WriteAllText(Path.Combine(_work, "deep.json"), new string('[', 100_000) + new string(']', 100_000));
        File.WriteAllBytes(Path.Combine(_work, "binary.json"), [0x7B, 0x00, 0xFF, 0xFE, 0x7D]);
        using (var big = File.Create(Path.Combine(_work, "big.json"))) big.SetLength(9 * 1024 * 1024);
        File.WriteAllText(Path.Combine(_work, "empty.jsonld"), "");

        var (exit, _, error) = Run("import", "claimreview", "deep.json", "binary.json", "big.json", "empty.jsonld", "missing.json");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("deep.json:1:65: error: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains("binary.json: error: not UTF-8 text", error, StringComparison.Ordinal);
        Assert.Contains("big.json: error: the file is 9 MiB; at most 8 MiB is read", error, StringComparison.Ordinal);
        Assert.Contains("empty.jsonld:1:1: error: malformed JSON", error, StringComparison.Ordinal);
        Assert.Contains("missing.json: error: no such file or folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_nested_a_million_deep_is_read_in_linear_time()
    {
        // Building an HTML tree is quadratic in the nesting; only the script blocks are tokenized.
        var review = File.ReadAllText(Path.Combine(Fixtures, "import", "two-reviews.jsonld"));
        File.WriteAllText(Path.Combine(_work, "deep.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 1_000_000))
            + "<!-- <script type=\"application/ld+json\">{broken</script> --><style><script type=\"application/ld+json\">{broken</script></style>"
            + "<script type=\"application/ld+json\">" + review + "</script></body></html>");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exit, output, error) = Run("import", "claimreview", "deep.html");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("2 new claims", output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
    }

    [Fact]
    public void Hostile_text_in_a_review_stays_text_in_the_yaml()
    {
        CopyClaims();
        var review = new JsonObject
        {
            ["@type"] = "ClaimReview",
            ["url"] = "https://x.example/a",
            ["claimReviewed"] = "x: y\n- id: injected\n  # \"quoted\" #",
            ["author"] = new JsonObject { ["name"] = "&alias *ref" },
            ["itemReviewed"] = new JsonObject { ["author"] = new JsonObject { ["@type"] = "Person", ["name"] = "true" } },
            ["reviewRating"] = new JsonObject { ["alternateName"] = "{False}" },
        };
        File.WriteAllText(Path.Combine(_work, "h.json"), review.ToJsonString());

        var (exit, output, error) = Run("import", "claimreview", "h.json", "--into", "claims/h.yaml");

        Assert.True(exit == ExitCodes.Success, error + output);
        var loaded = ClaimsLoader.Load([Path.Combine(_work, "claims")], _work);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var claim = loaded.ClaimSet.Claims.Single(c => c.Location.File.EndsWith("h.yaml", StringComparison.Ordinal));
        Assert.Equal("x: y\n- id: injected\n  # \"quoted\" #", claim.Statement);
        Assert.Equal("true", claim.Claimant.Name);
        Assert.Equal("&alias *ref", claim.Review.Organisation);
        Assert.Equal("{False}", claim.Review.Rating);
    }

    private void CopyClaims()
    {
        Directory.CreateDirectory(Path.Combine(_work, "claims"));
        File.Copy(Path.Combine(Fixtures, "reviewed", "claims.yaml"), Path.Combine(_work, "claims", "claims.yaml"));
    }

    /// <summary>The file after holds every line of the file before, in order: lines were only added.</summary>
    private static void AssertOnlyInserted(string before, string after)
    {
        var rest = after.Split('\n').ToList();
        var at = 0;
        foreach (var line in before.Split('\n'))
        {
            var found = rest.IndexOf(line, at);
            Assert.True(found >= 0, $"line lost or changed: {line}");
            at = found + 1;
        }
    }

    private static object Published(Review r) =>
        (r.Status, FactCheck.Cli.ClaimReview.ClaimReviewBuilder.RatingText(r), r.RatingValue, r.BestRating, r.WorstRating, r.Url, r.Published?.ToString(), r.Organisation);

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(args, output, error, _work);
        return (exit, output.ToString(), error.ToString());
    }
}
