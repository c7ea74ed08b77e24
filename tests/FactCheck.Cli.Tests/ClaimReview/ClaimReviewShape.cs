using System.Globalization;
using System.Text.Json.Nodes;

namespace FactCheck.Cli.Tests.ClaimReview;

/// <summary>
/// The structure ClaimReview consumers read: the schema.org types, the properties each allows, and what Google's
/// fact-check guidelines require (claimReviewed, reviewRating.alternateName, url, author). Checked on real
/// published markup first, so it accepts what the ecosystem publishes.
/// </summary>
internal static class ClaimReviewShape
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ClaimReview"] = ["@context", "@type", "url", "claimReviewed", "itemReviewed", "author", "reviewRating", "datePublished"],
        ["Claim"] = ["@type", "author", "datePublished", "appearance", "firstAppearance", "name"],
        ["Rating"] = ["@type", "alternateName", "ratingValue", "bestRating", "worstRating", "image"],
        ["Person"] = ["@type", "name", "jobTitle", "sameAs", "image"],
        ["Organization"] = ["@type", "name", "sameAs", "logo", "url", "description"],
        ["CreativeWork"] = ["@type", "url", "headline", "datePublished", "author", "publisher", "image"],
        ["ImageObject"] = ["@type", "url"],
    };

    private static readonly HashSet<string> CreativeWorks = ["CreativeWork", "Article", "NewsArticle", "OpinionNewsArticle", "WebPage", "VideoObject", "SocialMediaPosting"];

    public static List<string> Problems(JsonNode review)
    {
        var problems = new List<string>();
        var o = Typed(review, "$", problems, "ClaimReview");
        if (o is null) return problems;
        if (o["@context"]?.GetValue<string>() is not ("https://schema.org" or "http://schema.org")) problems.Add("$.@context is not schema.org");
        RequireText(o, "claimReviewed", "$", problems);
        RequireUrl(o, "url", "$", problems);
        Date(o, "datePublished", "$", problems);
        Agent(o["author"], "$.author", problems, required: true);
        if (Typed(o["reviewRating"], "$.reviewRating", problems, "Rating") is { } rating)
        {
            RequireText(rating, "alternateName", "$.reviewRating", problems);
            var numbers = new[] { "worstRating", "ratingValue", "bestRating" }.Select(k => Number(rating, k, problems)).ToArray();
            if (numbers.All(n => n is not null) && !(numbers[0] <= numbers[1] && numbers[1] <= numbers[2])) problems.Add("$.reviewRating: ratingValue outside worstRating..bestRating");
        }

        if (o["itemReviewed"] is { } item && Typed(item, "$.itemReviewed", problems, "Claim") is { } claim)
        {
            Agent(claim["author"], "$.itemReviewed.author", problems, required: false);
            Date(claim, "datePublished", "$.itemReviewed", problems);
            var appearances = claim["appearance"] is JsonArray a ? a.ToList() : [claim["appearance"]];
            foreach (var work in appearances.Append(claim["firstAppearance"]).OfType<JsonNode>()) Work(work, "$.itemReviewed.appearance", problems);
        }

        return problems;
    }

    private static JsonObject? Typed(JsonNode? node, string path, List<string> problems, params string[] types)
    {
        if (node is not JsonObject o || o["@type"] is not JsonValue t || t.GetValue<string>() is not { } type)
        {
            problems.Add($"{path} is missing or has no @type");
            return null;
        }

        if (!types.Contains(type))
        {
            problems.Add($"{path} is a {type}, expected {string.Join(" or ", types)}");
            return null;
        }

        var allowed = Allowed[CreativeWorks.Contains(type) ? "CreativeWork" : type];
        foreach (var (key, _) in o) if (!allowed.Contains(key)) problems.Add($"{path}.{key} is not a property of {type} here");
        return o;
    }

    private static void Agent(JsonNode? node, string path, List<string> problems, bool required)
    {
        if (node is null && !required) return;
        if (Typed(node, path, problems, "Person", "Organization") is { } agent) RequireText(agent, "name", path, problems);
    }

    private static void Work(JsonNode node, string path, List<string> problems)
    {
        if (Typed(node, path, problems, [.. CreativeWorks]) is not { } work) return;
        RequireUrl(work, "url", path, problems);
        Date(work, "datePublished", path, problems);
        if (work["publisher"] is { } publisher) Agent(publisher, path + ".publisher", problems, required: true);
        if (work["author"] is { } author) Agent(author, path + ".author", problems, required: true);
    }

    private static void RequireText(JsonObject o, string key, string path, List<string> problems)
    {
        if (o[key] is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s)) problems.Add($"{path}.{key} is required text");
    }

    private static void RequireUrl(JsonObject o, string key, string path, List<string> problems)
    {
        if (o[key] is not JsonValue v || !v.TryGetValue<string>(out var s) || !Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"{path}.{key} is required: an absolute http(s) address");
        }
    }

    private static void Date(JsonObject o, string key, string path, List<string> problems)
    {
        if (o[key] is null) return;
        var s = o[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz"];
        if (!DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)) problems.Add($"{path}.{key} '{s}' is not an ISO 8601 date");
    }

    private static decimal? Number(JsonObject o, string key, List<string> problems)
    {
        if (o[key] is not JsonValue v) return null;
        if (v.TryGetValue<decimal>(out var d)) return d;
        if (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out d)) return d;
        problems.Add($"$.reviewRating.{key} is not a number");
        return null;
    }
}
