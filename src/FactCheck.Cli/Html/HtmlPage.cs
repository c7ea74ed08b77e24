using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Claims.Model;
using FactCheck.Cli.ClaimReview;
using FactCheck.Cli.Output;
using FactCheck.Rules.Expressions.Reports;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Html;

/// <summary>
/// One self-contained HTML page of a check: findings (filterable), claims with their printings side by side,
/// sources, a timeline and a graph, and the ClaimReview JSON-LD. Every value from the input is HTML-escaped:
/// claims come from strangers' pull requests.
/// </summary>
internal static class HtmlPage
{
    /// <summary>Claims no finding names, shown in full up to this many (a 100,000-claim corpus would otherwise make a page of hundreds of MB).</summary>
    public const int MaxUnflaggedClaims = 200;

    /// <summary>Findings of one rule shown in full; the rest are counted (the JSON/SARIF output and the report have them all).</summary>
    public const int MaxFindingsPerRule = 300;

    /// <summary>Claims and sources named by the shown findings, shown in full up to this many each.</summary>
    public const int MaxFlagged = 1_000;

    /// <summary>Sources no finding names, shown in full up to this many.</summary>
    public const int MaxUnflaggedSources = 200;

    /// <summary>Above this many nodes the graph would be unreadable; it is drawn for the flagged part only.</summary>
    public const int MaxGraphNodes = 120;

    /// <summary>Timeline entries shown, flagged ones first.</summary>
    public const int MaxTimeline = 400;

    private static readonly JsonSerializerOptions LdJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Default };

    /// <param name="notice">Said under the summary: what the page is built from when that is not the claims files (a recorded run).</param>
    public static void Write(TextWriter w, CheckOutcome outcome, ClaimSet set, string title, string? notice = null)
    {
        var sources = ClaimReviewDocuments.SourcesById(set);
        var findings = outcome.Findings
            .OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.File, StringComparer.Ordinal).ThenBy(f => f.Finding.Line).ThenBy(f => f.Finding.Column)
            .ToList();
        var flaggedClaims = findings.SelectMany(f => f.Finding.ClaimIds).ToHashSet(StringComparer.Ordinal);
        var flaggedSources = findings.SelectMany(f => f.Finding.SourceIds).ToHashSet(StringComparer.Ordinal);
        var shownFindings = findings.GroupBy(f => (f.Finding.Severity, f.Finding.RuleId)).SelectMany(g => g.Take(MaxFindingsPerRule)).ToList();

        // What the page shows in full: what the shown findings name first, then a sample of the rest.
        var claimIds = set.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var onPageClaims = shownFindings.SelectMany(f => f.Finding.ClaimIds).Where(claimIds.Contains).Distinct().Take(MaxFlagged)
            .Concat(set.Claims.Where(c => !flaggedClaims.Contains(c.Id)).Take(MaxUnflaggedClaims).Select(c => c.Id))
            .ToHashSet(StringComparer.Ordinal);
        var onPageSources = shownFindings.SelectMany(f => f.Finding.SourceIds).Where(sources.ContainsKey).Distinct().Take(MaxFlagged)
            .Concat(set.Sources.Where(s => !flaggedSources.Contains(s.Id)).Take(MaxUnflaggedSources).Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        var page = new PageScope(onPageClaims, onPageSources);
        var findingsByClaim = findings.SelectMany(f => f.Finding.ClaimIds.Distinct().Select(id => (id, f))).ToLookup(x => x.id, x => x.f, StringComparer.Ordinal);
        var rules = outcome.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var reviews = ClaimReviewDocuments.Publishable(set);

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{PageAssets.ContentSecurityPolicy}\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.Write($"<title>{E(title)}</title>\n<style>{PageAssets.Style}</style>\n");
        if (reviews.Count > 0)
        {
            // The JSON encoder escapes < > & so no text in a claim can close the script element.
            var ld = new JsonArray(reviews.Select(r => (JsonNode)r.Json.DeepClone()).ToArray());
            w.Write($"<script type=\"application/ld+json\">\n{ld.ToJsonString(LdJson)}\n</script>\n");
        }

        w.Write("</head>\n<body>\n<a class=\"skip\" href=\"#findings\">Skip to findings</a>\n<header>\n");
        w.Write($"<h1>{E(title)}</h1>\n<ul class=\"counts\" aria-label=\"Summary\">");
        foreach (var severity in new[] { RuleSeverity.Error, RuleSeverity.Warning, RuleSeverity.Info })
        {
            var n = findings.Count(f => f.Finding.Severity == severity);
            w.Write($"<li><span class=\"sev sev-{Sev(severity)}\">{Sev(severity)}</span> {n.ToString("N0", CultureInfo.InvariantCulture)}</li>");
        }

        w.Write($"<li>{outcome.ClaimCount.ToString("N0", CultureInfo.InvariantCulture)} claims</li><li>{outcome.SourceCount.ToString("N0", CultureInfo.InvariantCulture)} sources</li>");
        if (outcome.HasBaseline) w.Write($"<li>{findings.Count(f => f.IsNew)} new since the baseline</li>");
        w.Write("</ul>\n");
        if (notice is not null) w.Write($"<p class=\"note\" role=\"note\">{E(notice)}</p>\n");
        w.Write("<nav aria-label=\"Sections\"><ul><li><a href=\"#findings\">Findings</a></li><li><a href=\"#claims\">Claims</a></li><li><a href=\"#sources\">Sources</a></li><li><a href=\"#timeline\">Timeline</a></li><li><a href=\"#graph\">Graph</a></li></ul></nav>\n</header>\n<main>\n");

        WriteFindings(w, outcome, findings, shownFindings, rules, sources, page);
        WriteClaims(w, set, sources, flaggedClaims, findingsByClaim, reviews.Select(r => r.Claim.Id).ToHashSet(StringComparer.Ordinal), page);
        WriteSources(w, set, sources, page);
        WriteTimeline(w, set, flaggedClaims, flaggedSources, page);
        GraphSvg.Write(w, set, flaggedClaims, flaggedSources, page);

        w.Write($"</main>\n<footer><p class=\"meta\">FactCheck {E(outcome.ToolVersion)}. This page fetches nothing: it works offline.</p></footer>\n");
        w.Write($"<script>{PageAssets.Script}</script>\n</body>\n</html>\n");
    }

    private static void WriteFindings(
        TextWriter w, CheckOutcome outcome, List<CheckedFinding> findings, List<CheckedFinding> shownFindings, Dictionary<string, RuleInfo> rules, IReadOnlyDictionary<string, Source> sources, PageScope page)
    {
        w.Write("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
        if (outcome.InputErrors.Count > 0)
        {
            w.Write($"<p class=\"note\">The claims or rules have {outcome.InputErrors.Count} error(s); the rules did not run.</p>\n<ul>");
            foreach (var d in outcome.InputErrors.Take(1000)) w.Write($"<li><code>{E(d.ToString())}</code></li>");
            w.Write("</ul>\n");
        }

        if (findings.Count == 0)
        {
            w.Write("<p>No findings.</p>\n</section>\n");
            return;
        }

        w.Write("<form id=\"filters\" class=\"filters\" aria-label=\"Filter the findings\">\n");
        Select(w, "severity", "Severity", findings.Select(f => Sev(f.Finding.Severity)).Distinct().Select(s => (s, s)));
        Select(w, "rule", "Rule", findings.Select(f => f.Finding.RuleId).Distinct().Order(StringComparer.Ordinal).Select(r => (r, r)));
        Select(
            w, "source", "Source",
            shownFindings.SelectMany(f => f.Finding.SourceIds).Distinct().Order(StringComparer.Ordinal)
                .Select(s => (s, sources.TryGetValue(s, out var src) && src.Outlet is { } o ? $"{s} ({o})" : s)));
        w.Write("<button type=\"reset\">Show all</button>\n</form>\n<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n");

        if (shownFindings.Count < findings.Count)
        {
            w.Write($"<p class=\"note\">The first {MaxFindingsPerRule} findings of each rule are shown: {shownFindings.Count.ToString("N0", CultureInfo.InvariantCulture)} of {findings.Count.ToString("N0", CultureInfo.InvariantCulture)}. The JSON and SARIF outputs and the report have them all.</p>\n");
        }

        var totals = findings.GroupBy(f => (f.Finding.Severity, f.Finding.RuleId)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var group in shownFindings.GroupBy(f => (f.Finding.Severity, f.Finding.RuleId)))
        {
            var rule = rules.GetValueOrDefault(group.Key.RuleId);
            var sev = Sev(group.Key.Severity);
            w.Write($"<section class=\"rule-group\" data-rule=\"{E(group.Key.RuleId)}\" aria-label=\"{E(group.Key.RuleId)}\">\n");
            w.Write($"<h3><span class=\"sev sev-{sev}\">{sev}</span> <code>{E(group.Key.RuleId)}</code>{(rule is null ? "" : " " + E(rule.Title))} ({totals[group.Key].ToString("N0", CultureInfo.InvariantCulture)})</h3>\n");
            if (rule?.Fix is { } fix) w.Write($"<p class=\"meta\">How to fix: {E(fix)}</p>\n");
            w.Write("<ul class=\"findings\">\n");
            foreach (var f in group)
            {
                var x = f.Finding;
                w.Write($"<li class=\"finding\" data-severity=\"{sev}\" data-rule=\"{E(x.RuleId)}\" data-sources=\"{E(string.Join(' ', x.SourceIds))}\">");
                if (outcome.HasBaseline && f.IsNew) w.Write("<strong>New:</strong> ");
                w.Write($"{E(x.Message)}<br><span class=\"where\">{E(x.File)}:{x.Line}:{x.Column}");
                if (x.ClaimIds.Count > 0) w.Write(" · claims: " + string.Join(", ", x.ClaimIds.Distinct().Select(id => page.ClaimLink(id))));
                if (x.SourceIds.Count > 0) w.Write(" · sources: " + string.Join(", ", x.SourceIds.Distinct().Select(id => page.SourceLink(id))));
                w.Write("</span></li>\n");
            }

            if (totals[group.Key] > group.Count()) w.Write($"<p class=\"meta\">and {(totals[group.Key] - group.Count()).ToString("N0", CultureInfo.InvariantCulture)} more of this rule.</p>\n");
            w.Write("</ul>\n</section>\n");
        }

        if (outcome.Suppressed.Count > 0) w.Write($"<p class=\"meta\">{outcome.Suppressed.Count} finding(s) suppressed by <code>ignore:</code> entries.</p>\n");
        w.Write("</section>\n");
    }

    private static void Select(TextWriter w, string name, string label, IEnumerable<(string Value, string Text)> options)
    {
        w.Write($"<label for=\"f-{name}\">{label}<select id=\"f-{name}\" name=\"{name}\"><option value=\"\">All</option>");
        foreach (var (value, text) in options) w.Write($"<option value=\"{E(value)}\">{E(text)}</option>");
        w.Write("</select></label>\n");
    }

    private static void WriteClaims(
        TextWriter w, ClaimSet set, IReadOnlyDictionary<string, Source> sources, HashSet<string> flagged, ILookup<string, CheckedFinding> findingsByClaim, HashSet<string> published, PageScope page)
    {
        w.Write("<section id=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims</h2>\n");
        var shown = set.Claims.Where(c => flagged.Contains(c.Id) && page.Claims.Contains(c.Id)).Concat(set.Claims.Where(c => !flagged.Contains(c.Id) && page.Claims.Contains(c.Id))).ToList();
        var leftFlagged = set.Claims.Count(c => flagged.Contains(c.Id)) - shown.Count(c => flagged.Contains(c.Id));
        var left = set.Claims.Count - shown.Count - leftFlagged;
        if (leftFlagged > 0 || left > 0)
        {
            var n = (Func<int, string>)(x => x.ToString("N0", CultureInfo.InvariantCulture));
            w.Write($"<p class=\"note\">To keep the page small, {n(shown.Count)} of {n(set.Claims.Count)} claims are shown in full: those the shown findings name (up to {n(MaxFlagged)}), then the first {MaxUnflaggedClaims} of the others. Left out: {n(leftFlagged)} more claims with findings and {n(left)} more claims without findings.</p>\n");
        }

        foreach (var c in shown)
        {
            w.Write($"<article class=\"claim\" id=\"{Anchor("claim", c.Id)}\" aria-labelledby=\"{Anchor("claim", c.Id)}-h\">\n");
            w.Write($"<h3 id=\"{Anchor("claim", c.Id)}-h\">{E(c.Statement)}</h3>\n<dl>");
            w.Write($"<dt>Id</dt><dd><code>{E(c.Id)}</code> <span class=\"meta\">{E(c.Location.ToString())}</span></dd>");
            w.Write($"<dt>Claimant</dt><dd>{E(c.Claimant.Name)}{(c.Claimant.Role is { } role ? ", " + E(role) : "")} <span class=\"meta\">({Kebab(c.Claimant.Kind)})</span></dd>");
            if (c.Made is { } made) w.Write($"<dt>Made</dt><dd>{E(made.Text ?? "")}{(made.Date is { } d ? $" → <time>{d}</time>" : "")}</dd>");
            w.Write($"<dt>Review</dt><dd>{ReviewText(c.Review, published.Contains(c.Id))}</dd>");
            if (findingsByClaim[c.Id].Any()) w.Write($"<dt>Findings</dt><dd>{string.Join("; ", findingsByClaim[c.Id].Select(f => $"<span class=\"sev sev-{Sev(f.Finding.Severity)}\">{Sev(f.Finding.Severity)}</span> <code>{E(f.Finding.RuleId)}</code>"))}</dd>");
            w.Write("</dl>\n<div class=\"printings\">\n");
            var reference = c.Appearances.Count > 0 ? c.Appearances[0].Quote : "";
            for (var i = 0; i < c.Appearances.Count; i++)
            {
                var a = c.Appearances[i];
                var src = sources.GetValueOrDefault(a.Source.Id);
                w.Write($"<div class=\"printing\"><p>{page.SourceLink(a.Source.Id, src?.Outlet ?? a.Source.Id)}{(src?.Published is { } p ? $" <span class=\"meta\">{p}</span>" : "")}<br><span class=\"meta\">{Kebab(a.Attribution)}{(a.AttributedAs is { } att ? ": “" + E(att) + "”" : "")}</span></p>");
                w.Write("<blockquote>");
                if (i == 0 || c.Appearances.Count == 1)
                {
                    w.Write(E(a.Quote));
                }
                else
                {
                    w.Write(string.Join(' ', WordingComparison.Compare(reference, a.Quote).Select(x => x.Removed ? $"<del title=\"left out\">{E(x.Text)}</del>" : x.Changed ? $"<mark>{E(x.Text)}</mark>" : E(x.Text))));
                }

                w.Write("</blockquote>");
                var circumstances = new List<(string, string?)>
                {
                    ("Via", a.Via), ("Speaker role", a.SpeakerRole), ("Place", a.Place),
                    ("Occasion", a.Occasion is { } o ? (a.Timing is { } t ? Kebab(t) + " " : "") + o : null),
                    ("Audience", a.Audience), ("Hedge", a.Hedge),
                    ("Dates", a.Dates.Count > 0 ? string.Join(", ", a.Dates.Select(d => d.Text)) : null),
                };
                if (circumstances.Any(x => x.Item2 is not null))
                {
                    w.Write("<dl>");
                    foreach (var (k, v) in circumstances.Where(x => x.Item2 is not null)) w.Write($"<dt>{k}</dt><dd>{E(v!)}</dd>");
                    w.Write("</dl>");
                }

                w.Write("</div>\n");
            }

            w.Write("</div>\n");
            if (c.Appearances.Count > 1) w.Write("<p class=\"meta\">Against the first printing: <mark>highlighted</mark> words differ, <del>struck</del> words are left out.</p>\n");
            var links = new[] { ("Same as", c.Links.SameAs), ("Contradicts", c.Links.Contradicts), ("Supports", c.Links.Supports) }.Where(l => l.Item2.Count > 0).ToList();
            if (links.Count > 0)
            {
                w.Write("<p>" + string.Join(" · ", links.Select(l => $"{l.Item1}: " + string.Join(", ", l.Item2.Select(r => page.ClaimLink(r.Id))))) + "</p>\n");
            }

            w.Write("</article>\n");
        }

        w.Write("</section>\n");
    }

    private static string ReviewText(Review r, bool published)
    {
        var text = Kebab(r.Status);
        if (r.Rating is { } rating) text += $": “{E(rating)}”";
        if (r.RatingValue is { } v) text += $" ({v.ToString(CultureInfo.InvariantCulture)} on {(r.WorstRating ?? 1).ToString(CultureInfo.InvariantCulture)}–{(r.BestRating ?? 5).ToString(CultureInfo.InvariantCulture)})";
        if (r.Organisation is { } org) text += $" by {E(org)}";
        if (r.Published is { } p) text += $", <time>{p}</time>";
        if (r.Url is { } url) text += $" — <a href=\"{E(url)}\" rel=\"noreferrer\">the fact-check</a>";
        if (r.Reviewer is { } who) text += $" <span class=\"meta\">(reviewer {E(who)})</span>";
        if (published) text += " <span class=\"meta\">(published as ClaimReview in this page)</span>";
        return text;
    }

    private static void WriteSources(TextWriter w, ClaimSet set, IReadOnlyDictionary<string, Source> sources, PageScope page)
    {
        w.Write("<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources</h2>\n");
        var shown = set.Sources.Where(s => page.Sources.Contains(s.Id)).ToList();
        var left = set.Sources.Count - shown.Count;
        if (left > 0) w.Write($"<p class=\"note\">{shown.Count.ToString("N0", CultureInfo.InvariantCulture)} sources are shown in full (those the shown findings name, then the first {MaxUnflaggedSources} of the others); {left.ToString("N0", CultureInfo.InvariantCulture)} more are left out.</p>\n");
        var shownIds = shown.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var printed = set.Claims.SelectMany(c => c.Appearances.Select(a => (a.Source.Id, Claim: c, a.Attribution)))
            .Where(x => shownIds.Contains(x.Id)).ToLookup(x => x.Id, StringComparer.Ordinal);
        foreach (var s in shown)
        {
            w.Write($"<article class=\"source\" id=\"{Anchor("source", s.Id)}\" aria-labelledby=\"{Anchor("source", s.Id)}-h\">\n");
            w.Write($"<h3 id=\"{Anchor("source", s.Id)}-h\">{E(s.Title ?? s.Outlet ?? s.Id)}</h3>\n<dl>");
            w.Write($"<dt>Id</dt><dd><code>{E(s.Id)}</code> <span class=\"meta\">{Kebab(s.Kind)}{(s.Primary ? ", primary record" : "")}</span></dd>");
            if (s.Outlet is { } outlet) w.Write($"<dt>Outlet</dt><dd>{E(outlet)}</dd>");
            if (s.AuthorsKnown || s.Authors.Count > 0) w.Write($"<dt>Byline</dt><dd>{(s.Authors.Count == 0 ? "none printed" : E(string.Join(", ", s.Authors)))}</dd>");
            if (s.Wire is { } wire) w.Write($"<dt>Wire</dt><dd>{E(wire)}</dd>");
            if (s.Published is { } p) w.Write($"<dt>Published</dt><dd><time>{p}</time></dd>");
            if (s.Url is { } url) w.Write($"<dt>Address</dt><dd><a href=\"{E(url)}\" rel=\"noreferrer\">{E(url)}</a></dd>");
            var chain = Chain(s, sources);
            if (chain.Count > 0) w.Write($"<dt>Derived from</dt><dd>{string.Join(" → ", chain.Select(id => page.SourceLink(id)))}</dd>");
            if (s.CreditedSources.Count > 0) w.Write($"<dt>Credits</dt><dd>{string.Join(", ", s.CreditedSources.Select(r => page.SourceLink(r.Id)))}</dd>");
            var claims = printed[s.Id].ToList();
            if (claims.Count > 0)
            {
                w.Write($"<dt>Prints</dt><dd><ul>{string.Join("", claims.Take(50).Select(x => $"<li>{page.ClaimLink(x.Claim.Id)} <span class=\"meta\">({Kebab(x.Attribution)})</span></li>"))}</ul>{(claims.Count > 50 ? $"and {claims.Count - 50} more" : "")}</dd>");
            }

            w.Write("</dl>\n</article>\n");
        }

        w.Write("</section>\n");
    }

    /// <summary>The derived_from chain, stopping at a cycle (the validator reports cycles; the page must still end).</summary>
    private static List<string> Chain(Source s, IReadOnlyDictionary<string, Source> sources)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { s.Id };
        for (var next = s.DerivedFrom; next is not null && seen.Add(next.Id); next = sources.GetValueOrDefault(next.Id)?.DerivedFrom) chain.Add(next.Id);
        return chain;
    }

    private static void WriteTimeline(TextWriter w, ClaimSet set, HashSet<string> flaggedClaims, HashSet<string> flaggedSources, PageScope page)
    {
        var events = new List<(DateOnly Day, string Date, string What, bool Flagged)>();
        foreach (var s in set.Sources)
        {
            if (s.Published is { } p) events.Add((p.FirstDay, p.ToString(), $"{page.SourceLink(s.Id, s.Title ?? s.Outlet ?? s.Id)} published", flaggedSources.Contains(s.Id)));
        }

        foreach (var c in set.Claims)
        {
            if (c.Made?.Date is { } d)
            {
                events.Add((d.FirstDay, d.ToString(), $"{page.ClaimLink(c.Id)} made{(c.Made.Text is { } t ? $" (“{E(t)}”)" : "")}", flaggedClaims.Contains(c.Id)));
            }

            if (c.Review.Published is { } r) events.Add((r.FirstDay, r.ToString(), $"fact-check of {page.ClaimLink(c.Id)} published", flaggedClaims.Contains(c.Id)));
        }

        w.Write("<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline</h2>\n");
        if (events.Count == 0)
        {
            w.Write("<p>No dates recorded.</p>\n</section>\n");
            return;
        }

        var shown = events.Count <= MaxTimeline ? events : events.Where(e => e.Flagged).Concat(events.Where(e => !e.Flagged)).Take(MaxTimeline).ToList();
        if (shown.Count < events.Count) w.Write($"<p class=\"note\">{MaxTimeline} of {events.Count.ToString("N0", CultureInfo.InvariantCulture)} dates shown, those with findings first.</p>\n");
        w.Write("<table><caption class=\"meta\">Publication dates, the dates claims were made (as resolved from their wording), and fact-check dates; rows with findings are marked.</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th></tr></thead><tbody>\n");
        foreach (var e in shown.OrderBy(e => e.Day).ThenBy(e => e.Date, StringComparer.Ordinal))
        {
            w.Write($"<tr><td><time>{e.Date}</time></td><td>{e.What}{(e.Flagged ? " <span class=\"sev sev-warning\">finding</span>" : "")}</td></tr>\n");
        }

        w.Write("</tbody></table>\n</section>\n");
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An element id for a claim or source; ids are slugs, but escaped all the same.</summary>
    internal static string Anchor(string kind, string id) => E($"{kind}-{id}");

    private static string Sev(RuleSeverity s) => s switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && sb.Length > 0) sb.Append(' ');
            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}
