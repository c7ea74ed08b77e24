using System.Runtime.CompilerServices;
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
        var context = new Context(sources, lineages, Origins(sources), new PropositionGraph(set.Propositions));
        foreach (var proposition in set.Propositions) AddPropositionFacts(proposition, facts);

        // Claims project independently: large sets are cut into ordered chunks projected side by side and
        // joined in order, so the facts come out the same as from one pass. Two passes: the wordings first (the
        // first appearance of each in file order is marked when its fact is made, so no fact is made twice).
        var claims = set.Claims;
        var chunkCount = ChunkCount(claims.Count);
        var offsets = new int[claims.Count + 1];
        for (var i = 0; i < claims.Count; i++) offsets[i + 1] = offsets[i] + claims[i].Appearances.Count;
        var keys = new string?[offsets[^1]];
        ForEachChunk(claims.Count, chunkCount, (_, from, to) =>
        {
            for (var i = from; i < to; i++) WordingKeys(claims[i], keys, offsets[i]);
        });

        var firstOfWording = FirstWordings(claims, keys, offsets);
        var chunks = new List<IFact>[chunkCount];
        ForEachChunk(claims.Count, chunkCount, (c, from, to) =>
        {
            var chunk = new List<IFact>((to - from) * 8);
            var scratch = new Scratch();
            for (var i = from; i < to; i++)
            {
                var group = groups.Of(i, claims[i], scratch.Group);
                ProjectClaim(claims[i], group, context, keys, offsets[i], firstOfWording, scratch, chunk);
            }

            chunks[c] = chunk;
        });

        foreach (var chunk in chunks) facts.AddRange(chunk);
        return facts;
    }

    /// <summary>
    /// Each claim's facts in its own list (for <see cref="IncrementalProjection"/>, which projects the claims that changed):
    /// the same facts <see cref="Project"/> makes, but no appearance marked as the first of its wording, since which one is
    /// first depends on the whole set. <paramref name="groups"/> holds each claim's <c>same_as</c> group;
    /// <paramref name="scratch"/>, when given, serves a run in one chunk (its date caches kept across calls).
    /// </summary>
    internal static List<IFact>[] ProjectEach(IReadOnlyList<Claim> claims, IReadOnlyList<ClaimGroups.Group> groups, Context context, Scratch? scratch)
    {
        var result = new List<IFact>[claims.Count];
        var chunkCount = ChunkCount(claims.Count);
        ForEachChunk(claims.Count, chunkCount, (_, from, to) =>
        {
            var own = chunkCount == 1 && scratch is not null ? scratch : new Scratch();
            var keys = new string?[ShortList];
            for (var i = from; i < to; i++)
            {
                var claim = claims[i];
                var count = claim.Appearances.Count;
                if (keys.Length < count) keys = new string?[Math.Max(count, keys.Length * 2)];
                else Array.Clear(keys, 0, count);
                WordingKeys(claim, keys, 0);
                var facts = new List<IFact>(8);
                ProjectClaim(claim, groups[i], context, keys, 0, firstOfWording: null, own, facts);
                result[i] = facts;
            }
        });

        return result;
    }

    /// <summary>How many ordered chunks <paramref name="claims"/> claims are cut into: one for small sets, else enough to keep every core busy.</summary>
    private static int ChunkCount(int claims) => claims < ClaimsPerChunk * 2 ? 1 : Math.Min(claims / ClaimsPerChunk, Environment.ProcessorCount * 4);

    /// <summary>Runs <paramref name="body"/> (chunk, from, to) on <paramref name="count"/> items cut into ordered chunks, side by side.</summary>
    private static void ForEachChunk(int count, int chunkCount, Action<int, int, int> body)
    {
        if (chunkCount == 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(0, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
            body(c, (int)((long)count * c / chunkCount), (int)((long)count * (c + 1) / chunkCount)));
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

    /// <summary>Each source's origin (see <see cref="Origin"/>), found once per source rather than once per appearance.</summary>
    internal static Dictionary<string, string> Origins(Dictionary<string, Source> sources)
    {
        var origins = new Dictionary<string, string>(sources.Count, StringComparer.Ordinal);
        foreach (var (id, source) in sources) origins[id] = Origin(source, sources);
        return origins;
    }

    /// <summary>What every claim's projection reads, made once before the claims are projected.</summary>
    /// <param name="Origins">Each source's origin, by id (see <see cref="Origins(Dictionary{string, Source})"/>).</param>
    internal sealed record Context(
        Dictionary<string, Source> Sources,
        Dictionary<string, string> Lineages,
        Dictionary<string, string> Origins,
        PropositionGraph Graph);

    /// <summary>One thread's caches and buffers, reused for every claim of its chunk.</summary>
    internal sealed class Scratch
    {
        public Scratch()
            : this([], new DateTexts())
        {
        }

        /// <summary>A scratch whose date caches (pure functions of their keys) are kept by the caller across runs.</summary>
        public Scratch(Dictionary<(string, PartialDate?), DateResolution> resolutions, DateTexts dates) => (Resolutions, Dates) = (resolutions, dates);

        /// <summary>The same words against the same date resolve the same way: "on Wednesday" in one day's articles is resolved once.</summary>
        public Dictionary<(string, PartialDate?), DateResolution> Resolutions { get; }

        public DateTexts Dates { get; }

        /// <summary>
        /// The texts of each resolution's value, start and end (by resolution, which <see cref="Resolutions"/> shares): the
        /// dates of a day's articles are resolved once, and were turned into texts once per mention.
        /// </summary>
        public Dictionary<DateResolution, (string? Value, string? Start, string? End)> ResolvedTexts { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>How each resolution fits each claimed date, as the fact spells it: a pure function, with a reason text made per mention before.</summary>
        public Dictionary<(DateResolution, PartialDate), (string Fit, string Reason)> Fits { get; } = new(FitKeyComparer.Instance);

        public ClaimGroups.Stats Group { get; } = new();

        /// <summary>Whether an outlet claimant speaks in a source's own voice, by claimant and source (for one set of sources).</summary>
        public Dictionary<(string, string), bool> OwnVoice { get; } = [];
    }

    /// <summary>
    /// One claim's facts, its claim fact first. <paramref name="keys"/> from <paramref name="offset"/> hold its appearances'
    /// wordings (see <see cref="WordingKeys"/>); <paramref name="firstOfWording"/>, at the same places, how many claimants are
    /// given a wording on its first appearance, 0 elsewhere; null to mark none.
    /// </summary>
    internal static void ProjectClaim(
        Claim claim, ClaimGroups.Group group, Context context, string?[] keys, int offset, int[]? firstOfWording, Scratch scratch, List<IFact> facts)
    {
        var sources = context.Sources;
        var dates = scratch.Dates;
        var appearances = claim.Appearances;
        var at = claim.Location;
        var made = dates.Of(claim.Made?.Date);
        var madeText = claim.Made?.Text;
        var status = KebabCase.Of(claim.Review.Status);
        var claimant = claim.Claimant.Name;

        // The claim's fact comes first; it is made last, when the counts over its other facts are known.
        var claimFact = facts.Count;
        facts.Add(null!);

        for (var s = 0; s < claim.Stances.Count; s++)
        {
            var stance = claim.Stances[s];
            var l = stance.Location;
            var polarity = KebabCase.Of(stance.Polarity);
            facts.Add(new StanceFact(
                claim.Id, stance.Proposition.Id, polarity, stance.Hedge, claimant, made, status, null, l.File, l.Line, l.Column));

            // What the stance entails along implies/excludes edges, with Via naming the proposition it started from.
            var entailed = context.Graph.Entailed(stance.Proposition.Id, polarity);
            for (var e = 0; e < entailed.Count; e++)
            {
                facts.Add(new StanceFact(
                    claim.Id, entailed[e].Proposition, entailed[e].Polarity, stance.Hedge, claimant, made, status, stance.Proposition.Id, l.File, l.Line, l.Column));
            }
        }

        var whenMadeListed = false;
        for (var i = 0; i < appearances.Count; i++)
        {
            var listed = appearances[i].Dates;
            for (var d = 0; d < listed.Count; d++) whenMadeListed |= IsWhenMade(madeText, listed[d].Text);
        }

        // How many different readings its dates give, so the date rules group only claims where they can disagree
        // (a claim in a same_as group is compared with the others whatever its own readings).
        var mentions = new MentionCounts();
        PartialDate? firstPublished = null;
        int quoted = 0, relayed = 0, reportedEarlier = 0;
        for (var i = 0; i < appearances.Count; i++)
        {
            var appearance = appearances[i];
            var sourceId = appearance.Source.Id;
            sources.TryGetValue(sourceId, out var source);
            firstPublished ??= source?.Published;
            if (appearance.Attribution == AttributionKind.DirectQuote || appearance.QuotedFragments.Count > 0) quoted++;
            if (appearance.Attribution == AttributionKind.Reported || (appearance.Attribution == AttributionKind.DirectQuote && appearance.Via is not null)) relayed++;
            if (claim.Made?.Date is { } madeDate && source?.Published is { } published && DateChecks.IsAfter(madeDate, published) == true) reportedEarlier++;

            var a = appearance.Location;
            var key = keys[offset + i];
            var speakers = firstOfWording?[offset + i] ?? 0;
            facts.Add(new AppearanceFact(
                claim.Id,
                i + 1,
                sourceId,
                KebabCase.Of(appearance.Attribution),
                appearance.Quote,
                appearance.AttributedAs,
                appearance.Via,
                source?.Outlet,
                dates.Of(source?.Published),
                source is null ? sourceId : context.Origins[sourceId],
                a.File,
                a.Line,
                a.Column,
                claimant,
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
                context.Lineages.GetValueOrDefault(sourceId, sourceId),
                QuoteKey(appearance, key),
                FirstOfWording: speakers > 0,
                WordingSpeakers: speakers,
                SourceLanguage: source?.Language,
                OwnVoice: claim.Claimant.Kind == ClaimantKind.Outlet && source is not null && IsOwnVoice(claimant, source, sources, scratch)));

            var listed = appearance.Dates;
            for (var d = 0; d < listed.Count; d++)
            {
                var mention = Mention(claim, group.Id, i + 1, sourceId, listed[d], IsWhenMade(madeText, listed[d].Text), source?.Published, scratch);
                mentions.Add(mention);
                facts.Add(mention);
            }

            // made.text is checked however the editor writes it: a listed expression that is it or lies inside it
            // ("in June" for "published in June") is the when-made mention; when no appearance lists it, it is read
            // against the first appearance's source, the printing it was taken from.
            if (i == 0 && !whenMadeListed && claim.Made is { Text: { } text } whenMade && !string.IsNullOrWhiteSpace(text))
            {
                var mention = Mention(claim, group.Id, i + 1, sourceId, new DateExpression(text, whenMade.Location), isWhenMade: true, source?.Published, scratch);
                mentions.Add(mention);
                facts.Add(mention);
            }
        }

        facts[claimFact] = new ClaimFact(
            claim.Id,
            claim.Statement,
            claimant,
            KebabCase.Of(claim.Claimant.Kind),
            claim.Claimant.Role,
            madeText,
            made,
            status,
            claim.Review.Reviewer,
            appearances.Count,
            claim.Cites.Count,
            at.File,
            at.Line,
            at.Column,
            group.Id,
            group.Sources,
            group.Lineages,
            group.Lineage,
            group.Appearances,
            quoted,
            relayed,
            Distinct(keys, offset, appearances.Count),
            group.Places,
            group.Occasions,
            group.Audiences,
            group.Roles,
            group.Hedges,
            group.DateMentions,
            group.Claims,
            mentions.WhenMadeReadings,
            mentions.EventSources,
            mentions.Misfits,
            reportedEarlier,
            group.Relayed,
            ReviewRating: claim.Review.Rating ?? (claim.Review.Status is ReviewStatus.Unreviewed or ReviewStatus.InReview ? null : ToTitle(status)),
            ReviewUrl: claim.Review.Url,
            ReviewOrganisation: claim.Review.Organisation,
            ReviewPublished: claim.Review.Published?.ToString());

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
    /// Counts over a claim's date mentions: its when-made mentions that do not fit made.date, the distinct dates its
    /// resolved when-made mentions give (0, 1, or 2 for "more than one") and the sources of its resolved event dates (likewise).
    /// </summary>
    private struct MentionCounts
    {
        private string? _firstWhenMade, _firstEventSource;

        public int Misfits { get; private set; }

        public int WhenMadeReadings { get; private set; }

        public int EventSources { get; private set; }

        public void Add(DateMentionFact d)
        {
            if (d is { IsWhenMade: true, Fit: "does-not-fit" }) Misfits++;
            if (d.Resolved is not { } resolved) return;
            if (d.IsWhenMade)
            {
                if (_firstWhenMade is null) (_firstWhenMade, WhenMadeReadings) = (resolved, 1);
                else if (resolved != _firstWhenMade) WhenMadeReadings = 2;
            }
            else
            {
                if (_firstEventSource is null) (_firstEventSource, EventSources) = (d.SourceId, 1);
                else if (d.SourceId != _firstEventSource) EventSources = 2;
            }
        }
    }

    /// <summary>A direct quote of four words or more, folded; null otherwise.</summary>
    private static string? QuoteKey(Appearance appearance, string? key) =>
        appearance.Attribution == AttributionKind.DirectQuote && key is not null && key.AsSpan().Count(' ') >= 3 ? key : null;

    /// <summary>
    /// For the first appearance (in file order) of each direct-quote wording, how many claimants are given it; 0 for the
    /// other appearances. One pass in order, so only wordings given to several speakers cost the rules anything.
    /// </summary>
    private static int[] FirstWordings(IReadOnlyList<Claim> claims, string?[] keys, int[] offsets)
    {
        var first = new int[keys.Length];
        var wordings = new Dictionary<string, Wording>(StringComparer.Ordinal);
        for (var c = 0; c < claims.Count; c++)
        {
            var claim = claims[c];
            for (var i = 0; i < claim.Appearances.Count; i++)
            {
                if (QuoteKey(claim.Appearances[i], keys[offsets[c] + i]) is not { } key) continue;
                var claimant = claim.Claimant.Name;
                if (!wordings.TryGetValue(key, out var seen))
                {
                    wordings.Add(key, new Wording(offsets[c] + i, claimant));
                }
                else if (seen.First != claimant && (seen.All is null || !seen.All.Contains(claimant)))
                {
                    (seen.All ??= new HashSet<string>(StringComparer.Ordinal) { seen.First }).Add(claimant);
                }
            }
        }

        foreach (var wording in wordings.Values) first[wording.At] = wording.All?.Count ?? 1;
        return first;
    }

    /// <summary>Where a wording first appears, its first claimant, and all of them once it has two.</summary>
    private sealed class Wording(int at, string first)
    {
        public int At { get; } = at;

        public string First { get; } = first;

        public HashSet<string>? All { get; set; }
    }

    private static bool IsOwnVoice(string claimant, Source source, Dictionary<string, Source> sources, Scratch scratch)
    {
        if (!scratch.OwnVoice.TryGetValue((claimant, source.Id), out var own))
        {
            scratch.OwnVoice[(claimant, source.Id)] = own = OutletVoice.IsOwn(claimant, source, sources);
        }

        return own;
    }

    /// <summary>
    /// Each appearance's wording, folded as quote drift folds it (a direct quote, or the fragments of a paraphrased or
    /// reported one); null for appearances that quote nothing. Made once per appearance, for the facts that need it.
    /// </summary>
    private static void WordingKeys(Claim claim, string?[] keys, int offset)
    {
        // Printings of a claim mostly quote the same words: an earlier appearance's key is reused (looked up by hand
        // among a claim's few appearances, in a dictionary for a claim printed many times).
        var appearances = claim.Appearances;
        var byQuote = appearances.Count > ShortList ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < appearances.Count; i++)
        {
            var a = appearances[i];
            if (a.Attribution == AttributionKind.DirectQuote)
            {
                string? key = null;
                if (byQuote is not null) byQuote.TryGetValue(a.Quote, out key);
                for (var j = 0; byQuote is null && j < i && key is null; j++)
                {
                    if (appearances[j].Attribution == AttributionKind.DirectQuote && string.Equals(a.Quote, appearances[j].Quote, StringComparison.Ordinal)) key = keys[offset + j];
                }

                keys[offset + i] = key ??= Words.KeyOf(a.Quote);
                byQuote?.TryAdd(a.Quote, key);
            }
            else if (a.QuotedFragments.Count > 0)
            {
                keys[offset + i] = string.Join(" | ", a.QuotedFragments.Select(Words.KeyOf));
            }
        }
    }

    /// <summary>Up to this many items, distinct ones are found by comparing each with those before (no set to allocate).</summary>
    private const int ShortList = 16;

    /// <summary>Distinct wordings among a claim's <paramref name="count"/> keys from <paramref name="offset"/>.</summary>
    private static int Distinct(string?[] keys, int offset, int count)
    {
        if (count > ShortList)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = offset; i < offset + count; i++)
            {
                if (keys[i] is { } key) set.Add(key);
            }

            return set.Count;
        }

        var distinct = 0;
        for (var i = offset; i < offset + count; i++)
        {
            if (keys[i] is not { } key) continue;
            var seen = false;
            for (var j = offset; j < i && !seen; j++) seen = string.Equals(keys[j], key, StringComparison.Ordinal);
            if (!seen) distinct++;
        }

        return distinct;
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
        Scratch scratch)
    {
        var resolutions = scratch.Resolutions;
        var dates = scratch.Dates;
        if (!resolutions.TryGetValue((mention.Text, reference), out var resolution))
        {
            resolution = DateResolver.Resolve(mention.Text, reference);
            resolutions[(mention.Text, reference)] = resolution;
        }

        var claimDate = claim.Made?.Date;
        // Only the expression that says when the claim was made (made.text) is checked against made.date:
        // other mentions date events inside the claim ("in February 2022") and need not fit it.
        string fit, fitReason;
        if (isWhenMade && claimDate is { } claimed)
        {
            if (!scratch.Fits.TryGetValue((resolution, claimed), out var checkedFit))
            {
                var check = DateChecks.Fits(resolution, claimed);
                scratch.Fits.Add((resolution, claimed), checkedFit = (KebabCase.Of(check.Outcome), check.Reason));
            }

            (fit, fitReason) = checkedFit;
        }
        else
        {
            fit = "not-checked";
            fitReason = isWhenMade ? "the claim records no date (made.date)" : "not the expression of when the claim was made (made.text)";
        }

        if (!scratch.ResolvedTexts.TryGetValue(resolution, out var texts))
        {
            var span = resolution.Span;
            texts = (
                dates.Of(resolution.Value),
                span is { } s1 && s1.Start != DateOnly.MinValue ? dates.Of(PartialDate.OfDay(s1.Start)) : null,
                span is { } s2 && s2.End != DateOnly.MaxValue ? dates.Of(PartialDate.OfDay(s2.End)) : null);
            scratch.ResolvedTexts.Add(resolution, texts);
        }

        var m = mention.Location;
        return new DateMentionFact(
            claim.Id,
            appearanceIndex,
            sourceId,
            mention.Text,
            dates.Of(reference),
            resolution.IsResolved,
            texts.Value,
            texts.Start,
            texts.End,
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

    /// <summary>A resolution by reference (they are shared by the resolution cache), a claimed date by value.</summary>
    private sealed class FitKeyComparer : IEqualityComparer<(DateResolution, PartialDate)>
    {
        public static readonly FitKeyComparer Instance = new();

        public bool Equals((DateResolution, PartialDate) x, (DateResolution, PartialDate) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2.Equals(y.Item2);

        public int GetHashCode((DateResolution, PartialDate) key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Item1), key.Item2);
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
