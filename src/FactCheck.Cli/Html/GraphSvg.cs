using System.Globalization;
using FactCheck.Claims.Model;

namespace FactCheck.Cli.Html;

/// <summary>
/// Sources (left) and claims (right) as inline SVG: which source prints which claim, derived_from and credits
/// between sources, same_as, contradicts and supports between claims. Two columns keep it legible without a
/// layout library; arcs outside the columns keep links from crossing the printing lines.
/// </summary>
internal static class GraphSvg
{
    private const int Row = 30;
    private const int Top = 30;
    private const int BoxWidth = 300;
    private const int SourceX = 90;
    private const int ClaimX = 560;

    public static void Write(TextWriter w, ClaimSet set, HashSet<string> flaggedClaims, HashSet<string> flaggedSources, PageScope page)
    {
        w.Write("<section id=\"graph\" aria-labelledby=\"graph-h\">\n<h2 id=\"graph-h\">Graph of sources and claims</h2>\n");
        var (sources, claims) = Pick(set, flaggedClaims, flaggedSources);
        sources = sources.Where(s => page.Sources.Contains(s.Id)).ToList();
        claims = claims.Where(c => page.Claims.Contains(c.Id)).ToList();
        if (sources.Count + claims.Count < set.Sources.Count + set.Claims.Count)
        {
            w.Write($"<p class=\"note\">Drawn for {sources.Count + claims.Count} of {(set.Sources.Count + set.Claims.Count).ToString("N0", CultureInfo.InvariantCulture)} sources and claims: those with findings and what they link to.</p>\n");
        }

        if (sources.Count + claims.Count == 0)
        {
            w.Write("<p>Nothing to draw.</p>\n</section>\n");
            return;
        }

        var sy = sources.Select((s, i) => (s.Id, Y: Top + (i * Row))).ToDictionary(x => x.Id, x => x.Y, StringComparer.Ordinal);
        var cy = claims.Select((c, i) => (c.Id, Y: Top + (i * Row))).ToDictionary(x => x.Id, x => x.Y, StringComparer.Ordinal);
        var height = Top + (Math.Max(sources.Count, claims.Count) * Row) + 10;
        const int width = ClaimX + BoxWidth + 90;
        w.Write("<ul class=\"legend\" aria-label=\"Legend\"><li><span style=\"color:#6b6b6b\">──</span> prints</li><li><span style=\"color:#0b5394\">──</span> derived from / credits</li><li><span style=\"color:#a4161a\">- -</span> contradicts</li><li><span style=\"color:#1d6b2f\">──</span> same as / supports</li></ul>\n");
        w.Write($"<div class=\"graph\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"graph-title\"><title id=\"graph-title\">{sources.Count} sources and {claims.Count} claims with the links between them</title>\n");
        w.Write("<g fill=\"none\" stroke-width=\"1.5\">\n");
        foreach (var c in claims)
        {
            foreach (var a in c.Appearances.DistinctBy(a => a.Source.Id))
            {
                if (sy.TryGetValue(a.Source.Id, out var y1)) w.Write($"<line x1=\"{SourceX + BoxWidth}\" y1=\"{y1 + 10}\" x2=\"{ClaimX}\" y2=\"{cy[c.Id] + 10}\" stroke=\"#6b6b6b\" stroke-opacity=\".6\"/>\n");
            }
        }

        foreach (var s in sources)
        {
            var targets = (s.DerivedFrom is null ? [] : new[] { s.DerivedFrom }).Concat(s.CreditedSources);
            foreach (var t in targets)
            {
                if (sy.TryGetValue(t.Id, out var y2)) Arc(w, SourceX, sy[s.Id] + 10, y2 + 10, left: true, "#0b5394", dashed: false);
            }
        }

        foreach (var c in claims)
        {
            foreach (var l in c.Links.SameAs.Concat(c.Links.Supports)) if (cy.TryGetValue(l.Id, out var y2)) Arc(w, ClaimX + BoxWidth, cy[c.Id] + 10, y2 + 10, left: false, "#1d6b2f", dashed: false);
            foreach (var l in c.Links.Contradicts) if (cy.TryGetValue(l.Id, out var y2)) Arc(w, ClaimX + BoxWidth, cy[c.Id] + 10, y2 + 10, left: false, "#a4161a", dashed: true);
        }

        w.Write("</g>\n<g font-size=\"12\" font-family=\"system-ui,sans-serif\">\n");
        foreach (var s in sources) Node(w, SourceX, sy[s.Id], "source", s.Id, s.Outlet is { } o ? $"{o}: {s.Title ?? s.Id}" : s.Title ?? s.Id, flaggedSources.Contains(s.Id));
        foreach (var c in claims) Node(w, ClaimX, cy[c.Id], "claim", c.Id, c.Statement, flaggedClaims.Contains(c.Id));
        w.Write("</g></svg></div>\n</section>\n");
    }

    private static (List<Source> Sources, List<Claim> Claims) Pick(ClaimSet set, HashSet<string> flaggedClaims, HashSet<string> flaggedSources)
    {
        if (set.Sources.Count + set.Claims.Count <= HtmlPage.MaxGraphNodes) return (set.Sources.ToList(), set.Claims.ToList());
        var claims = set.Claims.Where(c => flaggedClaims.Contains(c.Id)).Take(HtmlPage.MaxGraphNodes / 2).ToList();
        var wanted = claims.SelectMany(c => c.Appearances.Select(a => a.Source.Id)).Concat(flaggedSources).ToHashSet(StringComparer.Ordinal);
        var sources = set.Sources.Where(s => wanted.Contains(s.Id)).Take(HtmlPage.MaxGraphNodes - claims.Count).ToList();
        return (sources, claims);
    }

    private static void Arc(TextWriter w, int x, int y1, int y2, bool left, string colour, bool dashed)
    {
        var bulge = Math.Min(80, 20 + (Math.Abs(y2 - y1) / 6));
        var cx = left ? x - bulge : x + bulge;
        w.Write($"<path d=\"M{x} {y1} C{cx} {y1} {cx} {y2} {x} {y2}\" stroke=\"{colour}\"{(dashed ? " stroke-dasharray=\"5 3\"" : "")}/>\n");
    }

    private static void Node(TextWriter w, int x, int y, string kind, string id, string label, bool flagged)
    {
        var text = label.Length > 44 ? label[..43] + "…" : label;
        w.Write($"<a href=\"#{HtmlPage.Anchor(kind, id)}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"22\" rx=\"4\" fill=\"{(flagged ? "#fff4d6" : "#f4f4f4")}\" stroke=\"{(flagged ? "#7a4b00" : "#8a8a8a")}\"/>");
        w.Write($"<text x=\"{x + 6}\" y=\"{y + 15}\" fill=\"#1b1b1b\"><title>{HtmlPage.E(id)}: {HtmlPage.E(label)}</title>{HtmlPage.E(text)}</text></a>\n");
    }
}
