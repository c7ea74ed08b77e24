using FactCheck.Claims.Model;
using FactCheck.Drafting.Tests.Evaluation;
using Xunit.Abstractions;

namespace FactCheck.Drafting.Tests;

/// <summary>
/// The issue's first measurement: each seed article drafted against an empty claims folder and against the bundled
/// claims minus that article's appearances must recover the bundled direct quotes, speakers, attribution phrases and
/// dates, and match the other article's printings to the same claims.
/// </summary>
public sealed class SeedArticleTests(ITestOutputHelper output)
{
    private static readonly Lazy<ClaimSet> Bundled = new(() => GoldSet.Load(RepositoryPaths.Combine("claims")));

    public static TheoryData<string> Seeds => new() { "euronews-2023-11-08-putin-alliance", "rewrite-2023-11-08-putin-alliance" };

    private static (Draft Draft, ClaimSet Recorded) Run(string sourceId, bool empty)
    {
        var set = Bundled.Value;
        var source = set.Sources.Single(s => s.Id == sourceId);
        var recorded = empty ? GoldSet.SourcesOnly(set) : GoldSet.Without(set, sourceId);
        var request = new DraftRequest(sourceId) { Published = source.Published, Outlet = source.Outlet };
        return (ClaimDrafter.Draft(source.Text!, request, recorded), recorded);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Against_an_empty_folder_recovers_quotes_speakers_attributions_and_dates(string sourceId)
    {
        var (draft, recorded) = Run(sourceId, empty: true);
        var scores = Scorer.Score(draft, Bundled.Value, sourceId, recorded);
        output.WriteLine(scores.ToString());
        Assert.True(scores.QuoteRecall >= 0.95, scores.ToString());
        Assert.True(scores.SpeakerAccuracy >= 0.90, scores.ToString());
        Assert.True(scores.AttributionAccuracy >= 0.85, scores.ToString());
        Assert.True(scores.DateAccuracy >= 0.95, scores.ToString());
        Assert.Empty(draft.Matched);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Against_the_bundled_claims_matches_the_other_articles_printings(string sourceId)
    {
        var (draft, recorded) = Run(sourceId, empty: false);
        var scores = Scorer.Score(draft, Bundled.Value, sourceId, recorded);
        output.WriteLine(scores.ToString());
        foreach (var line in Scorer.Explain(draft, Bundled.Value, sourceId)) output.WriteLine("  " + line);
        foreach (var c in draft.Claims) output.WriteLine($"  new {c.Id} same_as [{string.Join(", ", c.SameAs.Select(s => s.ClaimId + " " + s.Similarity))}]");
        Assert.True(scores.QuoteRecall >= 0.95, scores.ToString());
        Assert.True(scores.SpeakerAccuracy >= 0.90, scores.ToString());
        Assert.True(scores.AttributionAccuracy >= 0.85, scores.ToString());
        Assert.True(scores.DateAccuracy >= 0.95, scores.ToString());

        // Every direct quote the other article printed is matched to its claim; printings the drafter does not cut
        // as the editor did (a clause of a sentence, a headline) are counted against it in MatchRecall.
        Assert.Equal(scores.ExpectedQuoteMatches, scores.QuoteMatchesFound);
        Assert.True(scores.MatchRecall >= 0.6, scores.ToString());
        Assert.True(scores.MatchPrecision >= 0.9, scores.ToString());
    }
}
