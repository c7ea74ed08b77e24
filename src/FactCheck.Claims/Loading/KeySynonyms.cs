namespace FactCheck.Claims.Loading;

/// <summary>
/// The words editors bring from newsroom systems for the format's keys ("byline" for <c>authors</c>, "headline" for
/// <c>title</c>): an unknown key that is one of them is pointed to the key meant, before spelling is asked (which
/// would offer 'note' for "date" and 'kind' for "link").
/// </summary>
internal static class KeySynonyms
{
    private static readonly Dictionary<string, string> Meant = new(StringComparer.OrdinalIgnoreCase)
    {
        ["byline"] = "authors",
        ["author"] = "authors",
        ["writer"] = "authors",
        ["reporter"] = "authors",
        ["headline"] = "title",
        ["publication"] = "outlet",
        ["newspaper"] = "outlet",
        ["agency"] = "wire",
        ["date"] = "published",
        ["pubdate"] = "published",
        ["publication_date"] = "published",
        ["published_at"] = "published",
        ["link"] = "url",
        ["href"] = "url",
        ["lang"] = "language",
        ["speaker"] = "claimant",
        ["said_by"] = "claimant",
        ["quotation"] = "quote",
    };

    /// <summary><c>; did you mean 'authors'?</c> when <paramref name="key"/> is another word for an allowed key, else empty.</summary>
    public static string DidYouMean(string key, IReadOnlyList<string> allowedKeys) =>
        Meant.TryGetValue(key, out var meant) && allowedKeys.Contains(meant) ? $"; did you mean '{meant}'?" : string.Empty;
}
