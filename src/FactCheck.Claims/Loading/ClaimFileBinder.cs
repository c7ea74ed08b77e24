using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>Turns one file's YAML trees into model records, collecting every problem on the way.</summary>
internal sealed class ClaimFileBinder
{
    private static readonly string[] RootKeys = ["sources", "propositions", "claims"];
    private static readonly string[] SourceKeys =
        [
            "id", "kind", "title", "outlet", "authors", "wire", "url", "language", "published", "text", "text_excerpt", "derived_from",
            "credits", "primary", "note",
        ];
    private static readonly string[] PropositionKeys = ["key", "description", "implies", "excludes"];
    private static readonly string[] ClaimKeys =
        ["id", "statement", "claimant", "made", "stances", "appearances", "cites", "review", "links", "ignore", "note"];
    private static readonly string[] ClaimantKeys = ["name", "kind", "role"];
    private static readonly string[] MadeKeys = ["text", "date"];
    private static readonly string[] StanceKeys = ["proposition", "stance", "hedge"];
    private static readonly string[] AppearanceKeys =
    [
        "source", "attribution", "quote", "attributed_as", "via", "speaker_role", "place", "occasion", "timing", "audience", "hedge",
        "fragments", "dates",
    ];
    private static readonly string[] CiteKeys = ["source", "as"];
    private static readonly string[] ReviewKeys = ["status", "reviewer", "note"];
    private static readonly string[] LinkKeys = ["same_as", "contradicts", "supports"];
    private static readonly string[] IgnoreKeys = ["rule", "reason"];

    private readonly string _file;
    private readonly string _directory;
    private readonly List<Diagnostic> _diagnostics;

    public ClaimFileBinder(string displayPath, string fullPath, List<Diagnostic> diagnostics)
    {
        _file = displayPath;
        _directory = Path.GetDirectoryName(fullPath) ?? ".";
        _diagnostics = diagnostics;
    }

    public List<Source> Sources { get; } = [];

    public List<Proposition> Propositions { get; } = [];

    public List<Claim> Claims { get; } = [];

    public void Bind(YamlNode root)
    {
        var view = MappingView.Of(root, "a claims file", RootKeys, _diagnostics);
        if (view is null) return;
        foreach (var node in view.List("sources", required: false)) BindSource(node);
        foreach (var node in view.List("propositions", required: false)) BindProposition(node);
        foreach (var node in view.List("claims", required: false)) BindClaim(node);
    }

    private void BindSource(YamlNode node)
    {
        var v = MappingView.Of(node, "a source", SourceKeys, _diagnostics);
        if (v is null) return;
        var id = v.Slug("id", "source id");
        var kind = v.Enum<SourceKind>("kind", required: true);
        var textPath = v.Text("text");
        var text = textPath is null ? null : ReadSourceText(textPath, v.Node("text")!.Location);
        var source = new Source(
            id ?? string.Empty,
            kind ?? SourceKind.Other,
            v.Text("title"),
            v.Text("outlet"),
            v.Texts("authors"),
            v.Text("wire"),
            v.Text("url"),
            v.Text("language"),
            v.Date("published"),
            textPath,
            text,
            v.Ref("derived_from", "source id", required: false),
            v.Text("note"),
            v.Location,
            AuthorsKnown: v.Node("authors") is not null,
            Primary: v.Bool("primary") ?? false,
            TextExcerpt: v.Bool("text_excerpt") ?? false,
            Credits: v.Refs("credits", "source id"));
        if (v.Node("text_excerpt") is { } excerpt && source.TextExcerpt && textPath is null)
        {
            v.Report(excerpt.Location, "excerpt-without-text", "'text_excerpt: true' says the stored text is partial, but the source stores no 'text'", "add 'text' with the excerpt, or remove 'text_excerpt'");
        }

        if (id is not null) Sources.Add(source);
    }

    private void BindProposition(YamlNode node)
    {
        var v = MappingView.Of(node, "a proposition", PropositionKeys, _diagnostics);
        if (v is null) return;
        var key = v.Slug("key", "proposition key");
        var description = v.Text("description", required: true);
        var implies = v.Refs("implies", "proposition key");
        var excludes = v.Refs("excludes", "proposition key");
        if (key is not null)
        {
            Propositions.Add(new Proposition(key, description ?? string.Empty, implies, excludes, v.Location));
        }
    }

    private void BindClaim(YamlNode node)
    {
        var v = MappingView.Of(node, "a claim", ClaimKeys, _diagnostics);
        if (v is null) return;
        var id = v.Slug("id", "claim id");
        var statement = v.Text("statement", required: true);
        var claimant = v.Node("claimant") is { } claimantNode ? BindClaimant(claimantNode) : MissingChild(v, "claimant");
        var made = v.Node("made") is { } madeNode ? BindMade(madeNode) : null;
        var stances = v.List("stances", required: true, minItems: 1).Select(BindStance).OfType<Stance>().ToList();
        var appearances = v.List("appearances", required: true, minItems: 1).Select(BindAppearance).OfType<Appearance>().ToList();
        var cites = v.List("cites", required: false).Select(BindCitation).OfType<Citation>().ToList();
        var review = v.Node("review") is { } reviewNode
            ? BindReview(reviewNode)
            : new Review(ReviewStatus.Unreviewed, null, null, v.Location);
        var links = v.Node("links") is { } linksNode ? BindLinks(linksNode) : ClaimLinks.Empty;
        var ignore = v.List("ignore", required: false).Select(BindSuppression).OfType<Suppression>().ToList();
        var note = v.Text("note");

        // Errors fail validation before any rule runs, so a claim is kept whenever it has an id:
        // other claims that link to it then get no spurious "unknown claim" errors on top.
        if (id is not null)
        {
            Claims.Add(new Claim(
                id,
                statement ?? string.Empty,
                claimant ?? new Claimant(string.Empty, ClaimantKind.Unknown, null, v.Location),
                made,
                stances,
                appearances,
                cites,
                review ?? new Review(ReviewStatus.Unreviewed, null, null, v.Location),
                links ?? ClaimLinks.Empty,
                ignore,
                note,
                v.Location));
        }
    }

    private static Claimant? MissingChild(MappingView parent, string key)
    {
        parent.Report(parent.Location, "missing-key", $"a claim is missing required key '{key}'");
        return null;
    }

    private Claimant? BindClaimant(YamlNode node)
    {
        var v = MappingView.Of(node, "a claimant", ClaimantKeys, _diagnostics);
        if (v is null) return null;
        var name = v.Text("name", required: true);
        var kind = v.Enum<ClaimantKind>("kind", required: true);
        var role = v.Text("role");
        return name is null || kind is null ? null : new Claimant(name, kind.Value, role, v.Location);
    }

    private WhenMade? BindMade(YamlNode node)
    {
        var v = MappingView.Of(node, "'made'", MadeKeys, _diagnostics);
        return v is null ? null : new WhenMade(v.Text("text"), v.Date("date"), v.Location);
    }

    private Stance? BindStance(YamlNode node)
    {
        var v = MappingView.Of(node, "a stance", StanceKeys, _diagnostics);
        if (v is null) return null;
        var proposition = v.Ref("proposition", "proposition key", required: true);
        var polarity = v.Enum<StancePolarity>("stance", required: true);
        var hedge = v.Text("hedge");
        return proposition is null || polarity is null ? null : new Stance(proposition, polarity.Value, hedge, v.Location);
    }

    private Appearance? BindAppearance(YamlNode node)
    {
        var v = MappingView.Of(node, "an appearance", AppearanceKeys, _diagnostics);
        if (v is null) return null;
        var source = v.Ref("source", "source id", required: true);
        var attribution = v.Enum<AttributionKind>("attribution", required: true);
        var quote = v.Text("quote", required: true);
        var attributedAs = v.Text("attributed_as");
        var via = v.Text("via");
        var dates = new List<DateExpression>();
        var datesNode = v.Node("dates");
        if (datesNode is YamlScalar single)
        {
            dates.Add(new DateExpression(single.Value, single.Location));
        }
        else
        {
            foreach (var item in v.List("dates", required: false))
            {
                if (item is YamlScalar scalar) dates.Add(new DateExpression(scalar.Value, scalar.Location));
                else v.Report(item.Location, "wrong-type", $"each entry of 'dates' must be text, found {item.Describe()}");
            }
        }

        var speakerRole = v.Text("speaker_role", required: v.Node("speaker_role") is not null);
        var place = v.Text("place", required: v.Node("place") is not null);
        var occasion = v.Text("occasion", required: v.Node("occasion") is not null);
        var timing = v.Enum<EventTiming>("timing", required: false);
        var audience = v.Text("audience", required: v.Node("audience") is not null);
        var hedge = v.Text("hedge", required: v.Node("hedge") is not null);
        var fragments = v.NonEmptyTexts("fragments");
        if (timing is not null && occasion is null)
        {
            v.Report(v.Node("timing")!.Location, "timing-without-occasion", "'timing' says when the words were said relative to 'occasion', but the appearance gives no occasion", "add 'occasion' (the event, as printed), or remove 'timing'");
        }

        if (fragments.Count > 0 && attribution == AttributionKind.DirectQuote)
        {
            v.Report(v.Node("fragments")!.Location, "fragments-on-direct-quote", "'fragments' are quoted words inside a paraphrased or reported sentence; a direct quote is itself the quoted words", "remove 'fragments', or record the appearance as paraphrase or reported");
        }
        else if (quote is not null && v.Node("fragments") is YamlSequence fragmentNodes)
        {
            foreach (var item in fragmentNodes.Items)
            {
                if (item is YamlScalar { Value: var fragment } && !string.IsNullOrWhiteSpace(fragment) && !QuoteText.Contains(quote, fragment))
                {
                    v.Report(item.Location, "fragment-not-in-quote", $"the fragment \"{fragment}\" does not occur in this appearance's quote", "copy the fragment exactly as printed between the quote marks of the sentence in 'quote'");
                }
            }
        }

        return source is null || attribution is null || quote is null
            ? null
            : new Appearance(
                source, attribution.Value, quote, attributedAs, via, dates, v.Location, speakerRole, place, occasion, timing, audience, hedge,
                fragments.Count == 0 ? null : fragments);
    }

    private Citation? BindCitation(YamlNode node)
    {
        var v = MappingView.Of(node, "a citation", CiteKeys, _diagnostics);
        if (v is null) return null;
        var source = v.Ref("source", "source id", required: false);
        var words = v.Text("as", required: true);
        return words is null ? null : new Citation(source, words, v.Location);
    }

    private Review? BindReview(YamlNode node)
    {
        var v = MappingView.Of(node, "a review", ReviewKeys, _diagnostics);
        if (v is null) return null;
        var status = v.Enum<ReviewStatus>("status", required: true);
        return status is null ? null : new Review(status.Value, v.Text("reviewer"), v.Text("note"), v.Location);
    }

    private ClaimLinks? BindLinks(YamlNode node)
    {
        var v = MappingView.Of(node, "links", LinkKeys, _diagnostics);
        return v is null ? null : new ClaimLinks(v.Refs("same_as", "claim id"), v.Refs("contradicts", "claim id"), v.Refs("supports", "claim id"));
    }

    private Suppression? BindSuppression(YamlNode node)
    {
        var v = MappingView.Of(node, "an ignore entry", IgnoreKeys, _diagnostics);
        if (v is null) return null;
        var rule = v.Ref("rule", "rule id", required: true);
        var reason = v.Text("reason", required: true);
        return rule is null || reason is null ? null : new Suppression(rule, reason, v.Location);
    }

    private string? ReadSourceText(string relativePath, Location at)
    {
        var full = Path.GetFullPath(Path.Combine(_directory, relativePath));
        if (!File.Exists(full))
        {
            _diagnostics.Add(Diagnostic.Error(
                at,
                "missing-text",
                $"the source text '{relativePath}' does not exist",
                "the path is relative to this YAML file; store the article's body there or remove 'text'"));
            return null;
        }

        var text = InputText.Read(full, _file, _diagnostics, at);
        return text;
    }
}
