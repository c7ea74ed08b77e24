using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Rules.Facts;

/// <summary>
/// Projects a loaded claim set into the flat, read-only facts rules match on. Deterministic: facts come
/// out in file order, so the engine's recency-based ordering is the same on every run.
/// </summary>
public static class FactProjection
{
    /// <summary>The fact types rules may name, by the name they use in YAML.</summary>
    public static IReadOnlyDictionary<string, Type> FactTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["Claim"] = typeof(ClaimFact),
        ["Source"] = typeof(SourceFact),
        ["Appearance"] = typeof(AppearanceFact),
        ["Stance"] = typeof(StanceFact),
        ["Citation"] = typeof(CitationFact),
        ["Proposition"] = typeof(PropositionFact),
        ["PropositionEdge"] = typeof(PropositionEdgeFact),
        ["ClaimLink"] = typeof(ClaimLinkFact),
        ["DateMention"] = typeof(DateMentionFact),
    };

    private const int ClaimsPerChunk = 1000;

    public static IReadOnlyList<IFact> Project(ClaimSet set)
    {
        var facts = new List<IFact>(set.Claims.Count * 8 + set.Sources.Count);
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var source in set.Sources) sources.TryAdd(source.Id, source);

        var lineages = Lineages(set.Sources, sources);
        var copies = Copies(set.Sources);
        foreach (var source in set.Sources) facts.Add(SourceFactOf(source, sources, lineages, copies));

        var groups = ClaimGroups.Build(set.Claims, id => lineages.GetValueOrDefault(id, id));
        var graph = new PropositionGraph(set.Propositions);

        foreach (var proposition in set.Propositions) AddPropositionFacts(proposition, facts);

        // Claims project independently: large sets are cut into ordered chunks projected side by side and
        // joined in order, so the facts come out the same as from one pass.
        var chunkCount = set.Claims.Count < ClaimsPerChunk * 2 ? 1 : Math.Min(set.Claims.Count / ClaimsPerChunk, Environment.ProcessorCount * 4);
        var chunks = new List<IFact>[chunkCount];
        Parallel.For(0, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            var from = (int)((long)set.Claims.Count * c / chunkCount);
            var to = (int)((long)set.Claims.Count * (c + 1) / chunkCount);
            var chunk = new List<IFact>((to - from) * 8);
            // The same words against the same date resolve the same way: "on Wednesday" in one day's
            // articles is resolved once, not once per mention.
            var resolutions = new Dictionary<(string, PartialDate?), DateResolution>();
            var dates = new DateTexts();
            for (var i = from; i < to; i++) ProjectClaim(set.Claims[i], sources, lineages, groups, graph, resolutions, dates, chunk);
            chunks[c] = chunk;
        });

        foreach (var chunk in chunks) facts.AddRange(chunk);
        MarkFirstWordings(facts);
        return facts;
    }

    /// <summary>How many sources derive from or credit each source (a source crediting its parent counts once).</summary>
    internal static Dictionary<string, int> Copies(IReadOnlyList<Source> list)
    {
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in list)
        {
            if (source.DerivedFrom is { } parent) copies[parent.Id] = copies.GetValueOrDefault(parent.Id) + 1;
            foreach (var credit in source.CreditedSources.Select(c => c.Id).Distinct(StringComparer.Ordinal))
            {
                if (credit != source.DerivedFrom?.Id) copies[credit] = copies.GetValueOrDefault(credit) + 1;
            }
        }

        return copies;
    }

    internal static SourceFact SourceFactOf(Source source, Dictionary<string, Source> sources, Dictionary<string, string> lineages, Dictionary<string, int> copies)
    {
        var at = source.Location;
        return new SourceFact(
            source.Id,
            KebabCase.Of(source.Kind),
            source.Title,
            source.Outlet,
            source.Authors.Count == 0 ? null : string.Join(", ", source.Authors),
            source.Wire,
            source.Url,
            source.Language,
            source.Published?.ToString(),
            source.Text,
            source.DerivedFrom?.Id,
            Origin(source, sources),
            at.File,
            at.Line,
            at.Column,
            source.AuthorsKnown,
            source.Primary,
            source.TextExcerpt,
            source.CreditedSources.Select(c => c.Id).ToArray(),
            lineages.GetValueOrDefault(source.Id, source.Id),
            copies.GetValueOrDefault(source.Id));
    }

    internal static void AddPropositionFacts(Proposition proposition, List<IFact> facts)
    {
        var at = proposition.Location;
        facts.Add(new PropositionFact(proposition.Key, proposition.Description, at.File, at.Line, at.Column));
        foreach (var edge in proposition.Implies)
        {
            facts.Add(new PropositionEdgeFact(proposition.Key, edge.Id, "implies", edge.Location.File, edge.Location.Line, edge.Location.Column));
        }

        // Exclusion is mutual: both directions are facts, so rules need follow only From -> To.
        foreach (var edge in proposition.Excludes)
        {
            facts.Add(new PropositionEdgeFact(proposition.Key, edge.Id, "excludes", edge.Location.File, edge.Location.Line, edge.Location.Column));
            facts.Add(new PropositionEdgeFact(edge.Id, proposition.Key, "excludes", edge.Location.File, edge.Location.Line, edge.Location.Column));
        }
    }

    internal static void ProjectClaim(
        Claim claim,
        Dictionary<string, Source> sources,
        Dictionary<string, string> lineages,
        ClaimGroups groups,
        PropositionGraph graph,
        Dictionary<(string, PartialDate?), DateResolution> resolutions,
        DateTexts dates,
        List<IFact> facts)
    {
        var group = groups.Of(claim.Id);
        var wordingKeys = WordingKeys(claim);
        var at = claim.Location;
        var made = dates.Of(claim.Made?.Date);
        var status = KebabCase.Of(claim.Review.Status);
        var claimFact = facts.Count;
        facts.Add(new ClaimFact(
            claim.Id,
            claim.Statement,
            claim.Claimant.Name,
            KebabCase.Of(claim.Claimant.Kind),
            claim.Claimant.Role,
            claim.Made?.Text,
            made,
            status,
            claim.Review.Reviewer,
            claim.Appearances.Count,
            claim.Cites.Count,
            at.File,
            at.Line,
            at.Column,
            group.Id,
            group.Sources,
            group.Lineages,
            group.Lineage,
            group.Appearances,
            claim.Appearances.Count(a => a.Attribution == AttributionKind.DirectQuote || a.QuotedFragments.Count > 0),
            claim.Appearances.Count(a => a.Attribution == AttributionKind.Reported || (a.Attribution == AttributionKind.DirectQuote && a.Via is not null)),
            Distinct(wordingKeys),
            group.Places,
            group.Occasions,
            group.Audiences,
            group.Roles,
            group.Hedges,
            group.DateMentions,
            ReviewRating: claim.Review.Rating ?? (claim.Review.Status is ReviewStatus.Unreviewed or ReviewStatus.InReview ? null : ToTitle(status)),
            ReviewUrl: claim.Review.Url,
            ReviewOrganisation: claim.Review.Organisation,
            ReviewPublished: claim.Review.Published?.ToString()));

        foreach (var stance in claim.Stances)
        {
            var s = stance.Location;
            var polarity = KebabCase.Of(stance.Polarity);
            facts.Add(new StanceFact(
                claim.Id, stance.Proposition.Id, polarity, stance.Hedge, claim.Claimant.Name, made, status, null, s.File, s.Line, s.Column));

            // What the stance entails along implies/excludes edges, with Via naming the proposition it started from.
            foreach (var (proposition, entailed) in graph.Entailed(stance.Proposition.Id, polarity))
            {
                facts.Add(new StanceFact(
                    claim.Id, proposition, entailed, stance.Hedge, claim.Claimant.Name, made, status, stance.Proposition.Id, s.File, s.Line, s.Column));
            }
        }

        PartialDate? firstPublished = null;
        var whenMadeListed = false;
        foreach (var appearance in claim.Appearances)
        {
            foreach (var mention in appearance.Dates) whenMadeListed |= IsWhenMade(claim.Made?.Text, mention.Text);
        }

        for (var i = 0; i < claim.Appearances.Count; i++)
        {
            var appearance = claim.Appearances[i];
            sources.TryGetValue(appearance.Source.Id, out var source);
            firstPublished ??= source?.Published;
            var a = appearance.Location;
            facts.Add(new AppearanceFact(
                claim.Id,
                i + 1,
                appearance.Source.Id,
                KebabCase.Of(appearance.Attribution),
                appearance.Quote,
                appearance.AttributedAs,
                appearance.Via,
                source?.Outlet,
                dates.Of(source?.Published),
                source is null ? appearance.Source.Id : Origin(source, sources),
                a.File,
                a.Line,
                a.Column,
                claim.Claimant.Name,
                group.Id,
                appearance.SpeakerRole,
                appearance.Place,
                appearance.Occasion,
                appearance.Timing is { } timing ? KebabCase.Of(timing) : null,
                appearance.Audience,
                appearance.Hedge,
                appearance.QuotedFragments,
                source is null ? null : KebabCase.Of(source.Kind),
                source?.Primary ?? false,
                lineages.GetValueOrDefault(appearance.Source.Id, appearance.Source.Id),
                appearance.Attribution == AttributionKind.DirectQuote && wordingKeys[i] is { } key && key.Count(c => c == ' ') >= 3 ? key : null,
                SourceLanguage: source?.Language,
                OwnVoice: claim.Claimant.Kind == ClaimantKind.Outlet && source is not null && OutletVoice.IsOwn(claim.Claimant.Name, source, sources)));

            foreach (var mention in appearance.Dates)
            {
                facts.Add(Mention(claim, group.Id, i + 1, appearance.Source.Id, mention, IsWhenMade(claim.Made?.Text, mention.Text), source?.Published, resolutions, dates));
            }

            // made.text is checked however the editor writes it: a listed expression that is it or lies inside it
            // ("in June" for "published in June") is the when-made mention; when no appearance lists it, it is read
            // against the first appearance's source, the printing it was taken from.
            if (i == 0 && !whenMadeListed && claim.Made is { Text: { } madeText } whenMade && !string.IsNullOrWhiteSpace(madeText))
            {
                var mention = new DateExpression(madeText, whenMade.Location);
                facts.Add(Mention(claim, group.Id, i + 1, appearance.Source.Id, mention, isWhenMade: true, source?.Published, resolutions, dates));
            }
        }

        // How many different readings its dates give, so the date rules group only claims where they can disagree
        // (a claim in a same_as group is compared with the others whatever its own readings).
        string? firstWhenMade = null, firstEventSource = null;
        int whenMadeReadings = 0, eventSources = 0, misfits = 0;
        for (var f = claimFact + 1; f < facts.Count; f++)
        {
            if (facts[f] is DateMentionFact { IsWhenMade: true, Fit: "does-not-fit" }) misfits++;
            if (facts[f] is not DateMentionFact { Resolved: { } resolved } d) continue;
            if (d.IsWhenMade)
            {
                if (firstWhenMade is null) (firstWhenMade, whenMadeReadings) = (resolved, 1);
                else if (resolved != firstWhenMade) whenMadeReadings = 2;
            }
            else
            {
                if (firstEventSource is null) (firstEventSource, eventSources) = (d.SourceId, 1);
                else if (d.SourceId != firstEventSource) eventSources = 2;
            }
        }

        var reportedEarlier = 0;
        if (claim.Made?.Date is { } madeDate)
        {
            foreach (var appearance in claim.Appearances)
            {
                if (sources.TryGetValue(appearance.Source.Id, out var source) && source.Published is { } published && DateChecks.IsAfter(madeDate, published) == true)
                {
                    reportedEarlier++;
                }
            }
        }

        facts[claimFact] = (ClaimFact)facts[claimFact] with
        {
            WhenMadeReadings = whenMadeReadings, EventSources = eventSources, GroupClaims = group.Claims, WhenMadeMisfits = misfits, ReportedEarlier = reportedEarlier, GroupRelayed = group.Relayed,
        };

        for (var i = 0; i < claim.Cites.Count; i++)
        {
            var cite = claim.Cites[i];
            var citedDate = cite.Source is not null && sources.TryGetValue(cite.Source.Id, out var cited) ? dates.Of(cited.Published) : null;
            var c = cite.Location;
            facts.Add(new CitationFact(claim.Id, i + 1, cite.Source?.Id, cite.As, citedDate, dates.Of(firstPublished), c.File, c.Line, c.Column));
        }

        AddLinks(claim.Id, claim.Links.SameAs, "same-as", facts);
        AddLinks(claim.Id, claim.Links.Contradicts, "contradicts", facts);
        AddLinks(claim.Id, claim.Links.Supports, "supports", facts);
    }

    /// <summary>A verdict status as a published rating's word: <c>false</c> is "False".</summary>
    private static string ToTitle(string status) => char.ToUpperInvariant(status[0]) + status[1..];

    /// <summary>
    /// Each appearance's wording, folded as quote drift folds it (a direct quote, or the fragments of a paraphrased or
    /// reported one); null for appearances that quote nothing. Made once per appearance, for the facts that need it.
    /// </summary>
    private static string?[] WordingKeys(Claim claim)
    {
        var keys = new string?[claim.Appearances.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var a = claim.Appearances[i];
            if (a.Attribution == AttributionKind.DirectQuote) keys[i] = Words.KeyOf(a.Quote);
            else if (a.QuotedFragments.Count > 0) keys[i] = string.Join(" | ", a.QuotedFragments.Select(Words.KeyOf));
        }

        return keys;
    }

    private static int Distinct(string?[] keys)
    {
        string? first = null;
        HashSet<string>? more = null;
        foreach (var key in keys)
        {
            if (key is null) continue;
            if (first is null) first = key;
            else if (key != first) (more ??= new HashSet<string>(StringComparer.Ordinal) { first }).Add(key);
        }

        return more?.Count ?? (first is null ? 0 : 1);
    }

    /// <summary>
    /// Marks the first appearance (in file order) of each direct-quote wording, with how many claimants are given it:
    /// two sequential passes, so only wordings given to several speakers cost the rules anything.
    /// </summary>
    private static void MarkFirstWordings(List<IFact> facts)
    {
        var speakers = new Dictionary<string, (string First, int Count, HashSet<string>? All)>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (fact is not AppearanceFact { QuoteKey: { } key } a) continue;
            if (!speakers.TryGetValue(key, out var seen)) speakers[key] = (a.Claimant, 1, null);
            else if (seen.First != a.Claimant && (seen.All is null || !seen.All.Contains(a.Claimant)))
            {
                var all = seen.All ?? new HashSet<string>(StringComparer.Ordinal) { seen.First };
                all.Add(a.Claimant);
                speakers[key] = (seen.First, all.Count, all);
            }
        }

        var marked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is AppearanceFact { QuoteKey: { } key } a && marked.Add(key))
            {
                facts[i] = a with { FirstOfWording = true, WordingSpeakers = speakers[key].Count };
            }
        }
    }

    /// <summary>A listed date expression is the claim's made.text when one is the other, or lies inside it ("in June" in "published in June").</summary>
    private static bool IsWhenMade(string? madeText, string mention)
    {
        if (madeText is null) return false;
        var made = madeText.Trim();
        var text = mention.Trim();
        return text.Length > 0 && made.Length > 0
            && (made.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(made, StringComparison.OrdinalIgnoreCase));
    }

    private static DateMentionFact Mention(
        Claim claim,
        string group,
        int appearanceIndex,
        string sourceId,
        DateExpression mention,
        bool isWhenMade,
        PartialDate? reference,
        Dictionary<(string, PartialDate?), DateResolution> resolutions,
        DateTexts dates)
    {
        if (!resolutions.TryGetValue((mention.Text, reference), out var resolution))
        {
            resolution = DateResolver.Resolve(mention.Text, reference);
            resolutions[(mention.Text, reference)] = resolution;
        }

        var claimDate = claim.Made?.Date;
        // Only the expression that says when the claim was made (made.text) is checked against made.date:
        // other mentions date events inside the claim ("in February 2022") and need not fit it.
        var check = isWhenMade && claimDate is { } claimed ? DateChecks.Fits(resolution, claimed) : null;
        var fit = check is null ? "not-checked" : KebabCase.Of(check.Outcome);
        var fitReason = check?.Reason
            ?? (isWhenMade ? "the claim records no date (made.date)" : "not the expression of when the claim was made (made.text)");
        var span = resolution.Span;
        var m = mention.Location;
        return new DateMentionFact(
            claim.Id,
            appearanceIndex,
            sourceId,
            mention.Text,
            dates.Of(reference),
            resolution.IsResolved,
            dates.Of(resolution.Value),
            span is { } s1 && s1.Start != DateOnly.MinValue ? dates.Of(PartialDate.OfDay(s1.Start)) : null,
            span is { } s2 && s2.End != DateOnly.MaxValue ? dates.Of(PartialDate.OfDay(s2.End)) : null,
            resolution.Approximate,
            resolution.RuleName,
            resolution.Reason,
            dates.Of(claimDate),
            isWhenMade,
            fit,
            fitReason,
            m.File,
            m.Line,
            m.Column,
            group);
    }

    private static void AddLinks(string from, IReadOnlyList<Reference> links, string kind, List<IFact> facts)
    {
        foreach (var link in links)
        {
            facts.Add(new ClaimLinkFact(from, link.Id, kind, link.Location.File, link.Location.Line, link.Location.Column));
        }
    }

    /// <summary>
    /// Each source's independence group: sources linked through derived_from or credits (either way) are one group,
    /// named after its first root (a source that derives from and credits nothing), else its first member.
    /// </summary>
    internal static Dictionary<string, string> Lineages(IReadOnlyList<Source> list, Dictionary<string, Source> sources)
    {
        var sets = new DisjointSets();
        foreach (var source in list)
        {
            sets.Add(source.Id);
            if (source.DerivedFrom is { } parent && sources.ContainsKey(parent.Id)) sets.Union(source.Id, parent.Id);
            foreach (var credit in source.CreditedSources)
            {
                if (sources.ContainsKey(credit.Id)) sets.Union(source.Id, credit.Id);
            }
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in list)
        {
            var root = sets.Find(source.Id);
            if (source.DerivedFrom is null && source.CreditedSources.Count == 0 && !names.ContainsKey(root)) names[root] = source.Id;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in list)
        {
            var root = sets.Find(source.Id);
            if (!names.TryGetValue(root, out var name)) names[root] = name = source.Id;
            result.TryAdd(source.Id, name);
        }

        return result;
    }

    /// <summary>The story a source ultimately comes from: follows derived_from, stopping on a cycle.</summary>
    internal static string Origin(Source source, Dictionary<string, Source> sources)
    {
        var current = source;
        for (var hops = 0; hops < 32 && current.DerivedFrom is { } parent && sources.TryGetValue(parent.Id, out var next); hops++)
        {
            current = next;
        }

        return current.Id;
    }

    /// <summary>
    /// The text of each date, made once per chunk: a story's few dates recur in most of its facts, and one string per
    /// date instead of one per fact field is less to allocate and less for the facts to keep alive.
    /// </summary>
    internal sealed class DateTexts
    {
        private readonly Dictionary<PartialDate, string> _texts = [];

        public string? Of(PartialDate? date)
        {
            if (date is not { } d) return null;
            if (!_texts.TryGetValue(d, out var text)) _texts.Add(d, text = d.ToString());
            return text;
        }
    }
}
