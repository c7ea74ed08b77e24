using System.Globalization;
using System.Text.Json;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.ClaimReview;

/// <summary>
/// Reads the ClaimReviews of a JSON-LD block: a single object, an array, a <c>@graph</c>, or ClaimReviews nested in
/// other items (a NewsArticle's <c>review</c>), with <c>@id</c> references resolved within the block. What Google's
/// guidelines require (<c>claimReviewed</c>, <c>reviewRating.alternateName</c>, <c>url</c>) is an error when missing; what
/// they recommend, or what cannot be read (a date, a rating off its scale), is a warning and is left out.
/// </summary>
internal sealed class ClaimReviewReader
{
    private readonly LdBlock _block;
    private readonly List<Diagnostic> _problems;
    private readonly List<Diagnostic> _notes;
    private readonly Dictionary<string, LdNode> _ids = new(StringComparer.Ordinal);

    private ClaimReviewReader(LdBlock block, List<Diagnostic> problems, List<Diagnostic> notes)
    {
        _block = block;
        _problems = problems;
        _notes = notes;
    }

    public static List<ImportedReview> Read(LdBlock block, List<Diagnostic> problems, List<Diagnostic> notes)
    {
        LdNode root;
        try
        {
            root = LdParser.Parse(block.Utf8);
        }
        catch (JsonException ex)
        {
            var at = block.At(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            problems.Add(Diagnostic.Error(at, "claimreview-json", "malformed JSON: " + JsonReason(ex.Message), "fix the JSON-LD at this position"));
            return [];
        }

        var reader = new ClaimReviewReader(block, problems, notes);
        reader.Index(root);
        var found = new List<LdNode>();
        reader.Find(root, found);
        return found.Select(reader.Review).OfType<ImportedReview>().ToList();
    }

    /// <summary>System.Text.Json's message without its own position suffix (ours is in front).</summary>
    private static string JsonReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut < 0 ? message : message[..cut]).Trim();
        return text.TrimEnd('.', ' ', '|');
    }

    private void Index(LdNode node)
    {
        if (node.IsObject && node["@id"] is { Kind: LdNode.NodeKind.String, Text: { } id } && node.Members!.Count > 1) _ids.TryAdd(id, node);
        foreach (var child in Children(node)) Index(child);
    }

    private void Find(LdNode node, List<LdNode> found)
    {
        if (node.IsObject && node.HasType("ClaimReview"))
        {
            found.Add(node);
            return;
        }

        foreach (var child in Children(node)) Find(child, found);
    }

    private static IEnumerable<LdNode> Children(LdNode node) =>
        node.Members?.Select(m => m.Value) ?? node.Items ?? Enumerable.Empty<LdNode>();

    /// <summary>An object given as <c>{"@id": ...}</c> alone is the object of that id elsewhere in the block.</summary>
    private LdNode? Resolve(LdNode? node) =>
        node is { IsObject: true, Members.Count: 1 } && node["@id"] is { Text: { } id } && _ids.TryGetValue(id, out var target) ? target : node;

    private LdNode? FirstObject(LdNode node, string name) => node.All(name).Select(Resolve).FirstOrDefault(n => n is { IsObject: true });

    private static string? Text(LdNode? node) => node switch
    {
        { Kind: LdNode.NodeKind.String or LdNode.NodeKind.Number, Text: { } t } when !string.IsNullOrWhiteSpace(t) => t.Trim(),
        { Kind: LdNode.NodeKind.Array, Items: { } items } => items.Select(Text).FirstOrDefault(t => t is not null),
        { IsObject: true } o when o["@value"] is { } v => Text(v),
        _ => null,
    };

    private string? NameOf(LdNode? node)
    {
        node = Resolve(node);
        return node is { Kind: LdNode.NodeKind.Array, Items: { } items } ? items.Select(NameOf).FirstOrDefault(n => n is not null)
            : node is { IsObject: true } ? Text(node["name"])
            : Text(node);
    }

    private Location At(LdNode node) => _block.At(node.Offset);

    private ImportedReview? Review(LdNode review)
    {
        var at = At(review);
        var errors = _problems.Count;
        var claimReviewed = Text(review["claimReviewed"]);
        if (claimReviewed is null) Error(at, "the ClaimReview has no claimReviewed", "add \"claimReviewed\": the claim as the fact-check states it");

        var url = Text(review["url"]);
        if (url is null) Error(at, "the ClaimReview has no url", "add \"url\": the address of the published fact-check");
        else if (!IsWebAddress(url)) Error(At(review["url"]!), $"url '{url}' is not an http(s) address", "give the fact-check's absolute address");

        string? rating = null;
        decimal? value = null, best = null, worst = null;
        if (FirstObject(review, "reviewRating") is not { } r)
        {
            Error(at, "the ClaimReview has no reviewRating", "add \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"False\"}");
        }
        else
        {
            rating = Text(r["alternateName"]);
            if (rating is null && Text(r["name"]) is { } name)
            {
                rating = name;
                _notes.Add(LdInput.Warning(At(r), $"the rating's words are read from \"name\" ('{name}'); Google reads \"alternateName\""));
            }

            if (rating is null) Error(At(r), "the reviewRating has no alternateName (the verdict in words)", "add \"alternateName\": the rating as published, e.g. \"False\"");
            (value, best, worst) = Scale(r);
        }

        if (_problems.Count > errors) return null;

        var organisation = NameOf(review["author"]);
        if (organisation is null) _notes.Add(LdInput.Warning(at, "the ClaimReview names no author (the fact-checking organisation); the review is imported without one", "add organisation: by hand"));

        var item = FirstObject(review, "itemReviewed");
        string? claimant = null;
        var kind = ClaimantKind.Unknown;
        string? role = null;
        PartialDate? made = null;
        var works = new List<ImportedWork>();
        if (item is null)
        {
            _notes.Add(LdInput.Warning(at, "the ClaimReview has no itemReviewed: who made the claim and where it appeared are unknown"));
        }
        else
        {
            if (Resolve(item.All("author").FirstOrDefault()) is { } author)
            {
                claimant = NameOf(author);
                (kind, role) = author.IsObject ? Claimant(author) : (ClaimantKind.Unknown, null);
            }

            made = Date(item["datePublished"]);
            foreach (var work in item.All("firstAppearance")) AddWork(works, work, first: true);
            foreach (var work in item.All("appearance")) AddWork(works, work, first: false);
            if (!item.HasType("Claim") && Text(item["url"]) is { } itemUrl && IsWebAddress(itemUrl)) AddWork(works, item, first: works.Count == 0);
        }

        return new ImportedReview(
            at, claimReviewed!, url!, Date(review["datePublished"]), rating!, value, best, worst, organisation, claimant, kind, role, made, works,
            Text(review["headline"]) ?? Text(review["name"]));
    }

    private (ClaimantKind, string?) Claimant(LdNode author)
    {
        var type = author.TypeName;
        if (type == "Person") return (ClaimantKind.Person, Text(author["jobTitle"]));
        if (type is "NewsMediaOrganization") return (ClaimantKind.Outlet, Text(author["description"]));
        if (type is not null && (type.EndsWith("Organization", StringComparison.Ordinal) || type is "Corporation" or "NGO" or "Project")) return (ClaimantKind.Organisation, Text(author["description"]));
        return (ClaimantKind.Unknown, null);
    }

    private void AddWork(List<ImportedWork> works, LdNode node, bool first)
    {
        node = Resolve(node)!;
        var url = node.IsObject ? Text(node["url"]) : Text(node);
        if (url is null) return;
        if (!IsWebAddress(url))
        {
            _notes.Add(LdInput.Warning(At(node), $"appearance '{url}' is not an http(s) address; left out"));
            return;
        }

        var existing = works.FindIndex(w => SameAddress(w.Url, url));
        if (existing >= 0)
        {
            if (first) works[existing] = works[existing] with { First = true };
            return;
        }

        if (!node.IsObject)
        {
            works.Add(new ImportedWork(url, SourceKind.Other, null, null, null, null, first));
            return;
        }

        var authors = node.All("author").Select(NameOf).OfType<string>().ToList();
        works.Add(new ImportedWork(
            url, KindOf(node.TypeName), Text(node["headline"]) ?? Text(node["name"]), NameOf(node["publisher"]), authors.Count > 0 ? authors : null,
            Date(node["datePublished"]), first));
    }

    private static SourceKind KindOf(string? type) => type switch
    {
        null or "CreativeWork" or "WebPage" => SourceKind.Other,
        "SocialMediaPosting" or "DiscussionForumPosting" => SourceKind.SocialPost,
        "VideoObject" or "AudioObject" or "TVEpisode" or "RadioEpisode" or "BroadcastEvent" or "Clip" => SourceKind.Broadcast,
        "Report" => SourceKind.Report,
        "Speech" => SourceKind.Transcript,
        _ when type.EndsWith("Article", StringComparison.Ordinal) || type == "BlogPosting" => SourceKind.Article,
        _ => SourceKind.Other,
    };

    /// <summary>The numeric rating, when it is a number on a sound scale (the loader refuses one off its scale).</summary>
    private (decimal?, decimal?, decimal?) Scale(LdNode rating)
    {
        decimal? Number(string name)
        {
            if (Text(rating[name]) is not { } t) return null;
            if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            _notes.Add(LdInput.Warning(At(rating[name]!), $"{name} '{t}' is not a number; the numeric rating is left out"));
            return null;
        }

        var (value, best, worst) = (Number("ratingValue"), Number("bestRating"), Number("worstRating"));
        var (low, high) = (worst ?? 1m, best ?? 5m);
        if (low >= high || value is { } v && (v < low || v > high))
        {
            _notes.Add(LdInput.Warning(At(rating), $"ratingValue {value} is not on the scale {low} to {high}; the numeric rating is left out", "give bestRating and worstRating with ratingValue"));
            return (null, null, null);
        }

        return value is null ? (null, null, null) : (value, best, worst);
    }

    private PartialDate? Date(LdNode? node)
    {
        if (Text(node) is not { } text) return null;
        if (PartialDate.TryParse(text, out var date, out _)) return date;

        // Markup often gives a full timestamp ("2023-11-09T08:30:00.000Z"); the day is what the format records.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Length >= 10 && char.IsDigit(text[0]))
        {
            return PartialDate.OfDay(DateOnly.FromDateTime(instant.Date));
        }

        _notes.Add(LdInput.Warning(At(node!), $"'{text}' is not a date (ISO 8601, e.g. 2023-11-09); left out"));
        return null;
    }

    private void Error(Location at, string message, string help) => _problems.Add(Diagnostic.Error(at, "claimreview-incomplete", message, help));

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Two addresses of one page: scheme, case of the host and a trailing slash aside.</summary>
    public static bool SameAddress(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    public static string Key(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return url.Trim();
        return uri.Host.ToLowerInvariant() + uri.PathAndQuery.TrimEnd('/');
    }
}
