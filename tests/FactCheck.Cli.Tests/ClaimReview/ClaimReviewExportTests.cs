using System.Text.Json.Nodes;

namespace FactCheck.Cli.Tests.ClaimReview;

/// <summary><c>factcheck export claimreview</c>: JSON-LD with the structure published fact-checks have, or positioned refusals.</summary>
public sealed class ClaimReviewExportTests : IDisposable
{
    private static readonly string Fixtures = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "ClaimReview", "Fixtures");

    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-claimreview-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_shape_check_accepts_published_markup_and_names_what_is_missing()
    {
        var published = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "google-flat-world.jsonld")))!;
        Assert.Empty(ClaimReviewShape.Problems(published));

        published.AsObject().Remove("url");
        published["reviewRating"]!.AsObject().Remove("alternateName");
        published["itemReviewed"]!["author"]!["@type"] = "Place";
        Assert.Equal(3, ClaimReviewShape.Problems(published).Count);
    }

    [Fact]
    public void Each_reviewed_claim_becomes_a_ClaimReview_with_the_published_structure()
    {
        var (exit, output, error) = Run("export", "claimreview", Path.Combine(Fixtures, "reviewed"));

        Assert.True(exit == ExitCodes.Success, error);
        var reviews = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(2, reviews.Count);
        foreach (var review in reviews) Assert.Empty(ClaimReviewShape.Problems(review!));

        var pier = reviews[0]!;
        Assert.Equal("The harbour fee pays for the whole new pier.", (string?)pier["claimReviewed"]);
        Assert.Equal("Half true", (string?)pier["reviewRating"]!["alternateName"]);
        Assert.Equal(3m, pier["reviewRating"]!["ratingValue"]!.GetValue<decimal>());
        Assert.Equal("Coast Fact Desk", (string?)pier["author"]!["name"]);
        Assert.Equal("2024-03-04", (string?)pier["datePublished"]);
        Assert.Equal("Person", (string?)pier["itemReviewed"]!["author"]!["@type"]);
        Assert.Equal("2024-03-01", (string?)pier["itemReviewed"]!["datePublished"]);

        // The minutes have no address, so two appearances; the radio printed it first.
        Assert.Equal(2, pier["itemReviewed"]!["appearance"]!.AsArray().Count);
        Assert.Equal("https://radio.example/news/fee", (string?)pier["itemReviewed"]!["firstAppearance"]!["url"]);

        // A verdict without published wording is exported with the verdict's word.
        Assert.Equal("False", (string?)reviews[1]!["reviewRating"]!["alternateName"]);
        Assert.Equal("Organization", (string?)reviews[1]!["itemReviewed"]!["author"]!["@type"]);
    }

    [Fact]
    public void Out_writes_one_file_per_reviewed_claim()
    {
        var (exit, _, error) = Run("export", "claimreview", Path.Combine(Fixtures, "reviewed"), "--out", Path.Combine(_work, "out"));

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(
            ["council-fee-doubled.json", "mayor-fee-pays-pier.json"],
            Directory.GetFiles(Path.Combine(_work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(ClaimReviewShape.Problems(JsonNode.Parse(File.ReadAllText(Path.Combine(_work, "out", "mayor-fee-pays-pier.json")))!));
    }

    [Fact]
    public void Incomplete_reviews_are_refused_all_at_once_with_positions()
    {
        File.WriteAllText(Path.Combine(_work, "c.yaml"), """
            propositions:
              - {key: p, description: P.}
            sources:
              - {id: s, kind: article}
            claims:
              - id: c1
                statement: x
                claimant: {name: X, kind: person}
                stances: [{proposition: p, stance: asserts}]
                appearances: [{source: s, attribution: paraphrase, quote: x}]
                review:
                  status: in-review
                  url: https://checkers.example/c1
              - id: c2
                statement: y
                claimant: {name: Y, kind: person}
                stances: [{proposition: p, stance: asserts}]
                appearances: [{source: s, attribution: paraphrase, quote: y}]
                review: {status: false, organisation: Desk}
            """);

        var (exit, output, error) = Run("export", "claimreview", "c.yaml", "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("", output);
        Assert.Contains("c.yaml:12:7: error: the review of 'c1' has no rating", error, StringComparison.Ordinal);
        Assert.Contains("c.yaml:12:7: error: the review of 'c1' has no organisation", error, StringComparison.Ordinal);
        Assert.Contains("c.yaml:19:13: error: the review of 'c2' has no url", error, StringComparison.Ordinal);
        Assert.Contains("3 errors; nothing written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")));
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FactCheckApp.Run(args, output, error, _work);
        return (exit, output.ToString(), error.ToString());
    }
}
