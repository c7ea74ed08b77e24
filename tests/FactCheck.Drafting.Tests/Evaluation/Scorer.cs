using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Text;

namespace FactCheck.Drafting.Tests.Evaluation;

/// <summary>
/// Scores a draft of one source against the claims a careful editor recorded from it (the gold set).
/// A gold direct quote is recovered when a drafted direct quote has the same quoted words: the same fragments
/// between quotation marks when the gold quote holds several, else the same words (typography and case aside).
/// A drafted direct quote is correct when its words are printed inside one of the gold printings of that source.
/// A match is expected for each gold printing of a claim the recorded set already holds from another source.
/// </summary>
internal static class Scorer
{
    public static Scores Score(Draft draft, ClaimSet gold, string sourceId, ClaimSet recorded)
    {
        var printings = gold.Claims
            .SelectMany(c => c.Appearances.Where(a => a.Source.Id == sourceId).Select(a => (Claim: c, Appearance: a)))
            .ToList();
        var drafted = draft.Claims.Select(c => (Appearance: c.Appearance, MatchedTo: (string?)null, SameAs: c.SameAs.Select(l => l.ClaimId).ToList()))
            .Concat(draft.Matched.Select(m => (Appearance: m.Appearance, MatchedTo: (string?)m.ClaimId, SameAs: new List<string>())))
            .ToList();
        var recordedIds = recorded.Claims.Where(c => c.Appearances.Count > 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var goldQuotes = printings.Where(p => p.Appearance.Attribution == AttributionKind.DirectQuote).ToList();
        var draftedQuotes = drafted.Where(d => d.Appearance.Attribution == AttributionKind.DirectQuote).ToList();
        int recovered = 0, speakers = 0, attributions = 0, withDates = 0, datesRight = 0;
        foreach (var (claim, appearance) in goldQuotes)
        {
            var hit = draftedQuotes.FirstOrDefault(d => SameQuote(appearance.Quote, d.Appearance.Quote));
            if (hit.Appearance is null) continue;
            recovered++;
            var speaker = hit.MatchedTo is { } id ? recorded.Claims.First(c => c.Id == id).Claimant.Name : hit.Appearance.Speaker;
            if (speaker is not null && SameName(speaker, claim.Claimant.Name)) speakers++;
            if (appearance.AttributedAs is { } a && hit.Appearance.AttributedAs is { } b && Norm(a) == Norm(b)) attributions++;
            if (appearance.Dates.Count > 0)
            {
                withDates++;
                var got = hit.Appearance.Dates.Select(d => Norm(d.Text)).ToHashSet();
                if (appearance.Dates.All(d => got.Contains(Norm(d.Text)))) datesRight++;
            }
        }

        var correct = draftedQuotes.Count(d => printings.Any(p => Inside(d.Appearance.Quote, p.Appearance.Quote)));

        // Matching: every drafted printing that corresponds to a gold printing whose claim is recorded from elsewhere.
        int expected = 0, found = 0, made = 0, madeRight = 0, sameAs = 0, expectedQuotes = 0, quotesFound = 0;
        foreach (var d in drafted)
        {
            // A drafted sentence can hold several printings the editor cut from it: matching any of their claims is right.
            if (d.MatchedTo is null) continue;
            made++;
            if (printings.Any(p => Corresponds(p.Appearance, d.Appearance.Quote) && LinkedIds(gold, p.Claim).Contains(d.MatchedTo))) madeRight++;
        }

        foreach (var (claim, appearance) in printings)
        {
            if (!recordedIds.Contains(claim.Id)) continue;
            expected++;
            var direct = appearance.Attribution == AttributionKind.DirectQuote;
            if (direct) expectedQuotes++;
            var d = drafted.FirstOrDefault(x => Corresponds(appearance, x.Appearance.Quote));
            if (d.Appearance is null) continue;
            var ids = LinkedIds(gold, claim);
            if (d.MatchedTo is { } m && ids.Contains(m))
            {
                found++;
                if (direct) quotesFound++;
            }
            else if (d.SameAs.Any(ids.Contains))
            {
                sameAs++;
            }
        }

        return new Scores
        {
            GoldQuotes = goldQuotes.Count,
            RecoveredQuotes = recovered,
            DraftedQuotes = draftedQuotes.Count,
            CorrectDraftedQuotes = correct,
            SpeakersRight = speakers,
            AttributionsRight = attributions,
            GoldWithDates = withDates,
            DatesRight = datesRight,
            ExpectedMatches = expected,
            MatchesFound = found,
            MatchesMade = made,
            MatchesMadeRight = madeRight,
            SameAsProposed = sameAs,
            ExpectedQuoteMatches = expectedQuotes,
            QuoteMatchesFound = quotesFound,
        };
    }

    /// <summary>The gold direct quotes the draft missed or attributed to someone else, and drafted quotes no gold printing holds.</summary>
    public static IEnumerable<string> Explain(Draft draft, ClaimSet gold, string sourceId)
    {
        var drafted = draft.Claims.Select(c => c.Appearance).Concat(draft.Matched.Select(m => m.Appearance)).ToList();
        foreach (var claim in gold.Claims)
        {
            foreach (var a in claim.Appearances.Where(a => a.Source.Id == sourceId && a.Attribution == AttributionKind.DirectQuote))
            {
                var hit = drafted.FirstOrDefault(d => d.Attribution == AttributionKind.DirectQuote && SameQuote(a.Quote, d.Quote));
                if (hit is null) yield return $"missed: {claim.Id}: \"{a.Quote}\"";
                else if (hit.Speaker is null || !SameName(hit.Speaker, claim.Claimant.Name)) yield return $"speaker: {claim.Id}: {hit.Speaker} (gold {claim.Claimant.Name})";
                else if (a.AttributedAs is { } at && Norm(at) != Norm(hit.AttributedAs ?? "")) yield return $"attributed_as: {claim.Id}: \"{hit.AttributedAs}\" (gold \"{at}\")";
            }
        }

        var printings = gold.Claims.SelectMany(c => c.Appearances.Where(a => a.Source.Id == sourceId)).ToList();
        foreach (var d in drafted.Where(d => d.Attribution == AttributionKind.DirectQuote && !printings.Any(p => Inside(d.Quote, p.Quote))))
        {
            yield return $"extra: \"{d.Quote}\" ({d.Speaker})";
        }

        foreach (var m in draft.Matched)
        {
            var holders = gold.Claims.Where(c => c.Appearances.Any(a => a.Source.Id == sourceId && Corresponds(a, m.Appearance.Quote))).ToList();
            var right = holders.Any(c => LinkedIds(gold, c).Contains(m.ClaimId));
            var gp = holders.FirstOrDefault();
            yield return $"matched {m.ClaimId} ({m.Similarity}){(right ? "" : $" WRONG, the editor's: {gp?.Id ?? "none"}")}: \"{m.Appearance.Quote}\"";
        }
    }

    /// <summary>
    /// A claim and the claims recorded as the same as it, either way round and through others (same_as is symmetric
    /// and transitive, as the matcher reads it): a printing matched to any of them is right.
    /// </summary>
    private static HashSet<string> LinkedIds(ClaimSet gold, Claim claim)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { claim.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var c in gold.Claims)
            {
                var linked = c.Links.SameAs.Select(r => r.Id).Append(c.Id).ToList();
                if (linked.Any(ids.Contains) && !linked.All(ids.Contains))
                {
                    ids.UnionWith(linked);
                    grew = true;
                }
            }
        }

        return ids;
    }

    public static bool SameQuote(string gold, string drafted)
    {
        var g = Fragments(gold);
        var d = Fragments(drafted);
        if (g.SetEquals(d)) return true;
        return g.Count == 1 && d.Count == 1 && Words.Similarity(Words.Of(gold), Words.Of(drafted)) >= 0.999;
    }

    private static bool Inside(string drafted, string goldQuote)
    {
        var d = " " + string.Join(' ', Words.Of(drafted)) + " ";
        var g = " " + string.Join(' ', Words.Of(goldQuote)) + " ";
        return d.Trim().Length > 0 && g.Contains(d, StringComparison.Ordinal);
    }

    private static bool Corresponds(Appearance gold, string drafted) =>
        SameQuote(gold.Quote, drafted) || Words.Containment(Words.Of(gold.Quote), Words.Of(drafted)) >= 0.8
            && Words.Similarity(Words.Of(gold.Quote), Words.Of(drafted)) >= 0.5;

    /// <summary>The words between quotation marks, or the whole text when it holds none; each normalised.</summary>
    private static HashSet<string> Fragments(string quote)
    {
        var article = new Article(quote);
        var inner = article.Quotes.Select(q => q.Inner(quote)).ToList();
        if (inner.Count == 0) inner.Add(quote);
        return inner.Select(f => string.Join(' ', Words.Of(f))).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static bool SameName(string a, string b)
    {
        var x = Words.Of(a);
        var y = Words.Of(b);
        return x.Length > 0 && y.Length > 0 && (x.All(y.Contains) || y.All(x.Contains));
    }

    private static string Norm(string s) => string.Join(' ', Words.Of(s));
}
