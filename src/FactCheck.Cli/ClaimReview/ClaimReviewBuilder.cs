using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// Turns reviewed claims into schema.org ClaimReview JSON-LD, the markup fact-check search engines read
/// (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
/// </summary>
internal static class ClaimReviewBuilder
{
    /// <summary>Whether a claim carries a review worth publishing: a verdict, or a published fact-check's details.</summary>
    public static bool IsReviewed(Claim claim)
    {
        var r = claim.Review;
        return r.Status is not (ReviewStatus.Unreviewed or ReviewStatus.InReview) || r.Url is not null || r.Rating is not null || r.Organisation is not null;
    }

    /// <summary>What the consumers require and the review lacks, each at the review's position.</summary>
    public static IEnumerable<Diagnostic> Check(Claim claim)
    {
        var r = claim.Review;
        var at = r.Location;
        const string Why = "ClaimReview consumers (Google Fact Check Tools) require it";
        if (string.IsNullOrWhiteSpace(claim.Statement))
        {
            yield return Diagnostic.Error(claim.Location, "claimreview-incomplete", $"claim '{claim.Id}' has no statement to publish as claimReviewed", Why);
        }

        if (RatingText(r) is null)
        {
            yield return Diagnostic.Error(
                at, "claimreview-incomplete", $"the review of '{claim.Id}' has no rating (reviewRating.alternateName)", $"write rating: False (the verdict as published) or a status such as false; {Why}");
        }

        if (r.Url is null)
        {
            yield return Diagnostic.Error(at, "claimreview-incomplete", $"the review of '{claim.Id}' has no url", $"write url: https://... (the published fact-check); {Why}");
        }

        if (r.Organisation is null)
        {
            yield return Diagnostic.Error(
                at, "claimreview-incomplete", $"the review of '{claim.Id}' has no organisation (author)", $"write organisation: the fact-checking organisation's name; {Why}");
        }
    }

    /// <summary>The rating as published, else the verdict's own word.</summary>
    public static string? RatingText(Review review) => review.Rating ?? review.Status switch
    {
        ReviewStatus.True => "True",
        ReviewStatus.False => "False",
        ReviewStatus.Misleading => "Misleading",
        ReviewStatus.Unproven => "Unproven",
        ReviewStatus.Disputed => "Disputed",
        _ => null,
    };

    /// <summary>The JSON-LD for one claim whose <see cref="Check"/> found nothing.</summary>
    public static JsonObject Build(Claim claim, IReadOnlyDictionary<string, Source> sources)
    {
        var r = claim.Review;
        var rating = new JsonObject { ["@type"] = "Rating", ["alternateName"] = RatingText(r) };
        if (r.RatingValue is { } value) rating["ratingValue"] = value;
        if (r.BestRating is { } best) rating["bestRating"] = best;
        if (r.WorstRating is { } worst) rating["worstRating"] = worst;

        var item = new JsonObject { ["@type"] = "Claim", ["author"] = Author(claim.Claimant) };
        if (claim.Made?.Date is { } made) item["datePublished"] = made.ToString();

        // Each source once, in the order the claim lists them; only those with an address can be linked.
        var printed = claim.Appearances
            .Select(a => sources.GetValueOrDefault(a.Source.Id))
            .OfType<Source>()
            .DistinctBy(s => s.Id)
            .Where(s => s.Url is not null)
            .ToList();
        if (printed.Count > 0)
        {
            item["appearance"] = new JsonArray(printed.Select(s => (JsonNode)Work(s)).ToArray());
            var first = printed.Where(s => s.Published is not null).OrderBy(s => s.Published!.Value.FirstDay).FirstOrDefault() ?? printed[0];
            item["firstAppearance"] = Work(first);
        }

        var review = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = r.Url,
            ["claimReviewed"] = claim.Statement,
            ["itemReviewed"] = item,
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = r.Organisation },
            ["reviewRating"] = rating,
        };
        if (r.Published is { } published) review["datePublished"] = published.ToString();
        return review;
    }

    private static JsonObject Author(Claimant claimant)
    {
        var type = claimant.Kind == ClaimantKind.Person ? "Person" : "Organization";
        var author = new JsonObject { ["@type"] = type, ["name"] = claimant.Name };
        if (claimant.Role is { } role) author[type == "Person" ? "jobTitle" : "description"] = role;
        return author;
    }

    private static JsonObject Work(Source source)
    {
        var work = new JsonObject { ["@type"] = "CreativeWork", ["url"] = source.Url };
        if (source.Title is { } title) work["headline"] = title;
        if (source.Published is { } published) work["datePublished"] = published.ToString();
        if (source.Outlet is { } outlet) work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = outlet };
        return work;
    }
}
