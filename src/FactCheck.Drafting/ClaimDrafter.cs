using System.Text.RegularExpressions;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Attribution;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Recorded;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting;

/// <summary>
/// Drafts claims from an article's text: the quotations and reported speech with their speakers and attribution
/// phrases, the date expressions read against the publication date, the outlet's own checkable sentences as
/// candidates, each matched against the claims already recorded. Everything is as printed; what is inferred is
/// said in the drafted item's notes.
/// </summary>
public static partial class ClaimDrafter
{
    /// <summary>Similarity (0-1) from which a drafted printing of the same speaker is taken as one more appearance of a recorded claim.</summary>
    public const double AppearanceThreshold = 0.5;

    /// <summary>Similarity from which a recorded claim is proposed as <c>same_as</c>.</summary>
    public const double SameAsThreshold = 0.3;

    public static Draft Draft(string text, DraftRequest request, ClaimSet recorded) => Draft(text, request, RecordedClaims.Of(recorded), null);

    /// <summary>
    /// As <see cref="Draft(string, DraftRequest, ClaimSet)"/>, with the recorded claims' word-pair index kept in
    /// <paramref name="cacheFolder"/> between runs (read when the claims are unchanged; see <see cref="DraftCache"/>).
    /// </summary>
    public static Draft Draft(string text, DraftRequest request, ClaimSet recorded, string? cacheFolder) =>
        Draft(text, request, RecordedClaims.Of(recorded), cacheFolder);

    /// <summary>
    /// As <see cref="Draft(string, DraftRequest, ClaimSet, string?)"/>, against recorded claims loaded or read back from
    /// a snapshot (<see cref="RecordedClaims.Open"/>): the same draft either way.
    /// </summary>
    public static Draft Draft(string text, DraftRequest request, RecordedClaims recorded, string? cacheFolder) =>
        Draft(text, request, recorded.View, recorded.Index ?? (cacheFolder is null ? ClaimIndex.Build(recorded.View) : new IndexCache(cacheFolder).Get(recorded.View)));

    internal static Draft Draft(string text, DraftRequest request, ClaimsView recorded, ClaimIndex index)
    {
        using var timer = new PhaseTimer();
        var notes = new List<string>();
        var known = recorded.Source(request.SourceId);
        DraftedSource? newSource = null;
        var published = known?.Published ?? request.Published;
        if (published is null && DateLine(text) is { } found)
        {
            published = found;
            notes.Add($"publication date {found} read from the text's date line (a guess: check it)");
        }

        if (known is null)
        {
            var sourceNotes = new List<string>();
            if (request.Published is null && published is not null) sourceNotes.Add("published: read from the text's date line");
            newSource = new DraftedSource(
                request.SourceId, request.Kind, request.Title, request.Outlet, request.Authors, request.Wire, request.Url, request.Language,
                published, request.TextPath, sourceNotes);
        }

        if (published is null) notes.Add("no publication date: relative dates (\"on Wednesday\") are left unread; give --published");
        var outlet = known?.Outlet ?? request.Outlet ?? known?.Wire ?? request.Wire ?? request.SourceId;

        var article = new Article(text);
        var registry = PersonRegistry.Build(article);
        var utterances = new AttributionFinder(article, registry, outlet).Find();
        var lineStarts = LineStarts(text);
        timer.Mark($"read the article: {utterances.Count} quotations and statements");

        var slugs = new Slugs(recorded.IsClaimId);
        var propositions = recorded.PropositionFinder();
        timer.Mark($"ids and propositions of {recorded.Count} claims");
        var claims = new List<DraftedClaim>();
        var matched = new List<MatchedAppearance>();
        var alreadyRecorded = 0;
        foreach (var u in utterances)
        {
            var appearance = Appearance(u, article, request.SourceId, published, lineStarts);
            var quoteWords = Words.Of(u.Quote);
            var sentenceWords = Words.Of(u.Sentence.Text(text));
            // Quoted fragments match the fuller quotation they come from; an outlet's sentence holding a recorded clause
            // is not taken for that clause (the editor cuts such sentences into several claims).
            var candidates = index.Find(quoteWords, sentenceWords, fragments: u.Kind == AttributionKind.DirectQuote)
                .Where(c => index.Claims.Claim(c.Claim) is var r && Speakers.Compatible(u.SpeakerName, u.SpeakerKind, r.ClaimantName, r.ClaimantKind, r.ClaimantRole))
                .ToList();

            if (candidates.Count > 0 && candidates[0].Score >= AppearanceThreshold)
            {
                var best = candidates[0];
                var claim = index.Claims.Claim(best.Claim);
                // The same printing recorded already (perhaps cut differently): words of one hold the other's.
                if (claim.Appearances.Any(a => a.Source == request.SourceId && Words.Containment(Words.Of(a.Quote), quoteWords) >= 0.9))
                {
                    alreadyRecorded++;
                    continue;
                }

                var recordedQuote = best.Best.Kind == ClaimIndex.EntryKind.Quote ? best.Best.Text : claim.Appearances[0].Quote;
                matched.Add(new MatchedAppearance(
                    claim.Id, claim.File, claim.Line, appearance, Math.Round(best.Score, 2), Words.Drift(recordedQuote, u.Quote)));
                continue;
            }

            var sameAs = candidates.Where(c => c.Score >= SameAsThreshold).Take(3)
                .Select(c => new ProposedLink(index.Claims.Claim(c.Claim).Id, Math.Round(c.Score, 2), Words.Drift(c.Best.Text, u.Quote)))
                .ToList();
            var proposed = candidates.Where(c => c.Score >= SameAsThreshold).Take(3)
                .SelectMany(c => index.Claims.Claim(c.Claim).Stances)
                .Concat(propositions.Find(quoteWords))
                .Distinct(StringComparer.Ordinal)
                .Take(3)
                .ToList();

            var speaker = u.SpeakerName ?? "unknown speaker";
            var claimNotes = new List<string>();
            if (u.SpeakerName is null) claimNotes.Add("claimant: no speaker found; name them");
            var statement = u.Kind == AttributionKind.DirectQuote ? Sentence(u.Quote) : Sentence(u.Quote);
            var made = appearance.Dates.FirstOrDefault(d => d.Value is { Day: not null } || d.Value is { Month: not null });
            claims.Add(new DraftedClaim(
                slugs.For(u.SpeakerKind == ClaimantKind.Outlet ? "outlet" : speaker, u.Quote),
                statement,
                speaker,
                u.SpeakerName is null ? ClaimantKind.Unknown : u.SpeakerKind,
                u.ClaimantRole,
                made,
                appearance,
                u.Candidate,
                sameAs,
                proposed,
                claimNotes));
        }

        timer.Mark("match against the recorded claims");
        if (alreadyRecorded > 0) notes.Add($"{alreadyRecorded} printing{(alreadyRecorded == 1 ? " is" : "s are")} already recorded for source '{request.SourceId}' and left out");
        return new Draft(request, newSource, claims, matched, notes);
    }

    private static string Sentence(string words)
    {
        // The statement is the words, without the marks that set them apart ("military bloc" - unlike "..." reads as one clause).
        var s = words.Replace("\"", "", StringComparison.Ordinal).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal)
            .Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal).Trim().Trim('\'', '‘', '’').Trim();
        if (s.Length == 0) return words;
        s = char.ToUpperInvariant(s[0]) + s[1..];
        return s.EndsWith('.') || s.EndsWith('?') || s.EndsWith('!') ? s : s + ".";
    }

    private static DraftedAppearance Appearance(Utterance u, Article article, string sourceId, PartialDate? published, int[] lineStarts)
    {
        var sentence = u.Sentence.Text(article.Text);
        var dates = new List<DraftedDate>();
        if (sentence.Length <= DateResolver.MaxInputLength)
        {
            foreach (var r in DateResolver.ResolveAll(sentence, published))
            {
                if (r.MatchedText is null) continue;
                var at = u.Sentence.Start + r.MatchIndex;
                if (u.Kind == AttributionKind.DirectQuote && u.Quotes.Any(q => q.Open < at && at < q.Close)) continue; // the speaker's own dates
                var reading = r.IsResolved
                    ? $"{(object?)r.Value ?? r.Interval}{(r.Approximate ? " (approximate)" : "")}, {r.RuleName}"
                    : $"unresolved: {r.Reason}";
                if (dates.All(d => d.Text != r.MatchedText)) dates.Add(new DraftedDate(r.MatchedText, reading, r.IsResolved ? r.Value : null));
            }
        }

        var notes = new List<string>(u.Guesses);
        if (u.Candidate) notes.Insert(0, "candidate: the outlet's own assertion (no attribution); keep it only if it is a claim worth checking");
        var fragments = u.Kind == AttributionKind.DirectQuote ? [] : u.Quotes.Select(q => Trim(q.Inner(article.Text))).Where(f => f.Length > 0).ToList();
        return new DraftedAppearance(
            sourceId, u.Kind, u.Quote, u.AttributedAs, u.Via, u.SpeakerRole, u.Place, u.Occasion, u.Occasion is null ? null : u.Timing, u.Audience,
            u.Hedge, fragments, dates, notes, Line(lineStarts, u.Offset), u.SpeakerName);
    }

    private static string Trim(string inner)
    {
        var s = inner.Trim();
        while (s.Length > 0 && s[^1] is ',' or '.' or ';' or ':') s = s[..^1].TrimEnd();
        return s;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }

        return starts.ToArray();
    }

    private static int Line(int[] starts, int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    [GeneratedRegex(@"\b(?<d>\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex IsoDate();

    /// <summary>A date line near the top ("date 2023-11-08 November 8, 2023"): the publication date, as a guess.</summary>
    private static PartialDate? DateLine(string text)
    {
        foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0).Take(3))
        {
            if (IsoDate().Match(line) is { Success: true } m && PartialDate.TryParse(m.Groups["d"].Value, out var date, out _)) return date;
        }

        return null;
    }
}
