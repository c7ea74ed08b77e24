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
    private static readonly string[] ReviewKeys =
        ["status", "reviewer", "note", "url", "published", "rating", "rating_value", "best_rating", "worst_rating", "organisation"];
    private static readonly string[] LinkKeys = ["same_as", "contradicts", "supports"];
    private static readonly string[] IgnoreKeys = ["rule", "reason"];

    private readonly string _file;
    private readonly string _directory;
    private readonly List<Diagnostic> _diagnostics;
    private readonly InputScope _scope;

    // Made once per file: a method group passed as a delegate is a new delegate at each call, four per claim.
    // The views of a file's items (sources, propositions, claims) and of their parts, one of each in use at a time.
    private MappingView? _item;
    private MappingView? _part;

    private readonly Func<YamlNode, Stance?> _bindStance;
    private readonly Func<YamlNode, Appearance?> _bindAppearance;
    private readonly Func<YamlNode, Citation?> _bindCitation;
    private readonly Func<YamlNode, Suppression?> _bindSuppression;

    /// <param name="scope">Where source texts may be read from; by default the repository around the file.</param>
    public ClaimFileBinder(string displayPath, string fullPath, List<Diagnostic> diagnostics, InputScope? scope = null)
    {
        _file = displayPath;
        _directory = Path.GetDirectoryName(fullPath) ?? ".";
        _diagnostics = diagnostics;
        _scope = scope ?? InputScope.Around(_directory);
        _bindStance = BindStance;
        _bindAppearance = BindAppearance;
        _bindCitation = BindCitation;
        _bindSuppression = BindSuppression;
    }

    public List<Source> Sources { get; } = [];

    public List<Proposition> Propositions { get; } = [];

    public List<Claim> Claims { get; } = [];

    /// <summary>
    /// Errors per file past which binding stops: 13.8 MB of <c>- a: b</c> items were 5.9 million errors, 2.6 GB and 651 MB
    /// of output; merely counting them (each unknown key looks for a near name) took 35 s.
    /// </summary>
    public const int MaxDiagnosticsPerFile = 1_000;

    /// <summary>Whether binding stopped at <see cref="MaxDiagnosticsPerFile"/>, leaving items unread.</summary>
    public bool Stopped { get; set; }

    /// <summary>The full path of every source text binding looked for, read or not (the parsed-file cache checks them).</summary>
    public List<string> SourceTextPaths { get; } = [];

    public void Bind(YamlNode root)
    {
        var view = MappingView.Of(root, "a claims file", RootKeys, _diagnostics);
        if (view is null) return;
        Each(view.List("sources", required: false), BindSource);
        Each(view.List("propositions", required: false), BindProposition);
        Each(view.List("claims", required: false), BindClaim);
    }

    private void Each(IReadOnlyList<YamlNode> nodes, Action<YamlNode> bind)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (_diagnostics.Count >= MaxDiagnosticsPerFile)
            {
                Stopped = true;
                return;
            }

            bind(node);
        }
    }

    private void BindSource(YamlNode node)
    {
        var v = MappingView.Of(node, "a source", SourceKeys, _diagnostics, ref _item);
        if (v is null) return;
        var id = v.Slug("id", "source id");
        var kind = v.Enum<SourceKind>("kind", required: true);
        var textPath = v.Text("text");
        var text = textPath is null ? null : ReadSourceText(textPath, v.LocationOf("text"));
        var source = new Source(
            id ?? string.Empty,
            kind ?? SourceKind.Other,
            v.Text("title"),
            v.Text("outlet"),
            v.Texts("authors"),
            v.Text("wire"),
            v.Url("url"),
            v.Text("language"),
            v.Date("published"),
            textPath,
            text,
            v.Ref("derived_from", "source id", required: false),
            v.Text("note"),
            v.Location,
            AuthorsKnown: v.Has("authors"),
            Primary: v.Bool("primary") ?? false,
            TextExcerpt: v.Bool("text_excerpt") ?? false,
            Credits: v.Refs("credits", "source id"));
        if (source.TextExcerpt && textPath is null)
        {
            v.Report(v.LocationOf("text_excerpt"), "excerpt-without-text", "'text_excerpt: true' says the stored text is partial, but the source stores no 'text'", "add 'text' with the excerpt, or remove 'text_excerpt'");
        }

        if (id is not null) Sources.Add(source);
    }

    private void BindProposition(YamlNode node)
    {
        var v = MappingView.Of(node, "a proposition", PropositionKeys, _diagnostics, ref _item);
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
        var v = MappingView.Of(node, "a claim", ClaimKeys, _diagnostics, ref _item);
        if (v is null) return;
        var id = v.Slug("id", "claim id");
        var statement = v.Text("statement", required: true);
        var claimant = v.Node("claimant") is { } claimantNode ? BindClaimant(claimantNode) : MissingChild(v, "claimant");
        var made = v.Node("made") is { } madeNode ? BindMade(madeNode) : null;
        var stances = All(v.List("stances", required: true, minItems: 1), _bindStance);
        var appearances = All(v.List("appearances", required: true, minItems: 1), _bindAppearance);
        var cites = All(v.List("cites", required: false), _bindCitation);
        var review = v.Node("review") is { } reviewNode
            ? BindReview(reviewNode)
            : new Review(ReviewStatus.Unreviewed, null, null, v.Location);
        var links = v.Node("links") is { } linksNode ? BindLinks(linksNode) : ClaimLinks.Empty;
        var ignore = All(v.List("ignore", required: false), _bindSuppression);
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

    /// <summary>
    /// The items that bound, in an array of their number (no iterators, no list around it, no array for none: five
    /// lists per claim, 100,000 claims).
    /// </summary>
    private static T[] All<T>(IReadOnlyList<YamlNode> nodes, Func<YamlNode, T?> bind)
        where T : class
    {
        if (nodes.Count == 0) return [];
        var result = new T[nodes.Count];
        var count = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (bind(nodes[i]) is { } item) result[count++] = item;
        }

        return count == result.Length ? result : result[..count];
    }

    private static Claimant? MissingChild(MappingView parent, string key)
    {
        parent.Report(parent.Location, "missing-key", $"a claim is missing required key '{key}'");
        return null;
    }

    private Claimant? BindClaimant(YamlNode node)
    {
        var v = MappingView.Of(node, "a claimant", ClaimantKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var name = v.Text("name", required: true);
        var kind = v.Enum<ClaimantKind>("kind", required: true);
        var role = v.Text("role");
        return name is null || kind is null ? null : new Claimant(name, kind.Value, role, v.Location);
    }

    private WhenMade? BindMade(YamlNode node)
    {
        var v = MappingView.Of(node, "'made'", MadeKeys, _diagnostics, ref _part);
        return v is null ? null : new WhenMade(v.Text("text"), v.Date("date"), v.Location);
    }

    private Stance? BindStance(YamlNode node)
    {
        var v = MappingView.Of(node, "a stance", StanceKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var proposition = v.Ref("proposition", "proposition key", required: true);
        var polarity = v.Enum<StancePolarity>("stance", required: true);
        var hedge = v.Text("hedge");
        return proposition is null || polarity is null ? null : new Stance(proposition, polarity.Value, hedge, v.Location);
    }

    private Appearance? BindAppearance(YamlNode node)
    {
        var v = MappingView.Of(node, "an appearance", AppearanceKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var source = v.Ref("source", "source id", required: true);
        var attribution = v.Enum<AttributionKind>("attribution", required: true);
        var quote = v.Text("quote", required: true);
        var attributedAs = v.Text("attributed_as");
        var via = v.Text("via");
        IReadOnlyList<DateExpression> dates;
        if (v.IsScalar("dates", out var single))
        {
            dates = [new DateExpression(single.Value, v.At(single))];
        }
        else
        {
            var items = v.List("dates", required: false);
            var listed = items.Count == 0 ? [] : new DateExpression[items.Count];
            var count = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item is YamlScalar scalar) listed[count++] = new DateExpression(scalar.Value, scalar.Location);
                else v.Report(item.Location, "wrong-type", $"each entry of 'dates' must be text, found {item.Describe()}");
            }

            dates = count == listed.Length ? listed : listed[..count];
        }

        var speakerRole = v.Text("speaker_role", required: v.Has("speaker_role"));
        var place = v.Text("place", required: v.Has("place"));
        var occasion = v.Text("occasion", required: v.Has("occasion"));
        var timing = v.Enum<EventTiming>("timing", required: false);
        var audience = v.Text("audience", required: v.Has("audience"));
        var hedge = v.Text("hedge", required: v.Has("hedge"));
        var fragments = v.NonEmptyTexts("fragments");
        if (timing is not null && occasion is null)
        {
            v.Report(v.LocationOf("timing"), "timing-without-occasion", "'timing' says when the words were said relative to 'occasion', but the appearance gives no occasion", "add 'occasion' (the event, as printed), or remove 'timing'");
        }

        if (fragments.Count > 0 && attribution == AttributionKind.DirectQuote)
        {
            v.Report(v.LocationOf("fragments"), "fragments-on-direct-quote", "'fragments' are quoted words inside a paraphrased or reported sentence; a direct quote is itself the quoted words", "remove 'fragments', or record the appearance as paraphrase or reported");
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
        var v = MappingView.Of(node, "a citation", CiteKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var source = v.Ref("source", "source id", required: false);
        var words = v.Text("as", required: true);
        return words is null ? null : new Citation(source, words, v.Location);
    }

    private Review? BindReview(YamlNode node)
    {
        var v = MappingView.Of(node, "a review", ReviewKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var status = v.Enum<ReviewStatus>("status", required: true);
        var reviewer = v.Text("reviewer");
        var note = v.Text("note");
        var url = v.Url("url");
        var published = v.Date("published");
        var rating = v.ScalarOf("rating", required: false, out var ratingScalar) ? NonBlank(v, ratingScalar, "rating") : null;
        var organisation = v.ScalarOf("organisation", required: false, out var orgScalar) ? NonBlank(v, orgScalar, "organisation") : null;
        var value = v.Number("rating_value");
        var best = v.Number("best_rating");
        var worst = v.Number("worst_rating");
        CheckRatingScale(v, value, best, worst);
        return status is null
            ? null
            : new Review(status.Value, reviewer, note, v.Location, url, published, rating, value, best, worst, organisation);
    }

    private static string? NonBlank(MappingView v, ScalarText scalar, string key)
    {
        if (!string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value;
        v.Report(v.At(scalar), "empty-value", $"'{key}' in a review must not be empty", "write it as published, or leave the key out");
        return null;
    }

    /// <summary>A numeric rating only means something on its scale: worst below best, the value between them.</summary>
    private static void CheckRatingScale(MappingView v, decimal? value, decimal? best, decimal? worst)
    {
        if (best is { } b && worst is { } w && w >= b)
        {
            v.Report(
                v.LocationOf("worst_rating"),
                "bad-rating",
                $"worst_rating {w} must be below best_rating {b}",
                "write the scale as published, e.g. worst_rating: 1 and best_rating: 5");
            return;
        }

        if (value is not { } r) return;
        var (low, high) = (worst ?? 1m, best ?? 5m);
        if (r < low || r > high)
        {
            v.Report(
                v.LocationOf("rating_value"),
                "bad-rating",
                $"rating_value {r} is outside the scale {low} to {high}",
                "give best_rating and worst_rating when the scale is not 1 (worst) to 5 (best)");
        }
    }

    private ClaimLinks? BindLinks(YamlNode node)
    {
        var v = MappingView.Of(node, "links", LinkKeys, _diagnostics, ref _part);
        return v is null ? null : new ClaimLinks(v.Refs("same_as", "claim id"), v.Refs("contradicts", "claim id"), v.Refs("supports", "claim id"));
    }

    private Suppression? BindSuppression(YamlNode node)
    {
        var v = MappingView.Of(node, "an ignore entry", IgnoreKeys, _diagnostics, ref _part);
        if (v is null) return null;
        var rule = v.Ref("rule", "rule id", required: true);
        var reason = v.Text("reason", required: true);
        return rule is null || reason is null ? null : new Suppression(rule, reason, v.Location);
    }

    private string? ReadSourceText(string relativePath, Location at)
    {
        if (Path.IsPathRooted(relativePath))
        {
            _diagnostics.Add(Diagnostic.Error(
                at, "text-outside", $"the source text '{relativePath}' is an absolute path", "give the path relative to this YAML file, inside the repository"));
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_directory, relativePath));
        SourceTextPaths.Add(full);
        if (_scope.Check(full, out var real) is { } refused)
        {
            _diagnostics.Add(Diagnostic.Error(
                at, "text-outside", $"the source text '{relativePath}' is not read: {refused}", "store the article's text inside the repository, as a file rather than a link"));
            return null;
        }

        var kind = FileKinds.Of(real);
        if (kind != FileKind.Regular)
        {
            _diagnostics.Add(kind == FileKind.Missing
                ? Diagnostic.Error(
                    at,
                    "missing-text",
                    $"the source text '{relativePath}' does not exist",
                    "the path is relative to this YAML file; store the article's body there or remove 'text'")
                : Diagnostic.Error(at, "not-a-file", $"the source text '{relativePath}' is {FileKinds.Describe(kind)}, not a text file", "give the path of a text file"));
            return null;
        }

        return InputText.Read(real, _file, _diagnostics, at);
    }
}
