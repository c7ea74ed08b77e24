namespace FactCheck.Cli.Html;

/// <summary>The claims and sources the page shows in full: links go to those, the others are named without a link.</summary>
internal sealed record PageScope(IReadOnlySet<string> Claims, IReadOnlySet<string> Sources)
{
    public string ClaimLink(string id, string? text = null) => Link("claim", id, text, Claims.Contains(id));

    public string SourceLink(string id, string? text = null) => Link("source", id, text, Sources.Contains(id));

    private static string Link(string kind, string id, string? text, bool onPage) =>
        onPage ? $"<a href=\"#{HtmlPage.Anchor(kind, id)}\">{HtmlPage.E(text ?? id)}</a>" : $"<span title=\"not shown on this page\">{HtmlPage.E(text ?? id)}</span>";
}
