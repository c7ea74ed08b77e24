using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;

namespace FactCheck.Drafting.Tests;

/// <summary>Quotation and attribution patterns, each on a few sentences of news text.</summary>
public sealed class AttributionTests
{
    private static IReadOnlyList<DraftedAppearance> Draft(string text) =>
        ClaimDrafter.Draft(text, new DraftRequest("src") { Published = PartialDate.Parse("2024-03-06"), Outlet = "Daily" }, ClaimSet.Empty)
            .Claims.Select(c => c.Appearance).ToList();

    private static DraftedAppearance Quote(string text, string words) =>
        Draft(text).Single(a => a.Quote == words);

    [Fact]
    public void Pronoun_after_a_paraphrase_is_its_speaker()
    {
        var a = Quote(
            "Finance chief Henrik Sand said the plan was \"painful\". Union representative Grete Olsen told the agency the workers had learned of it from the media. \"Nobody told us first,\" she said.",
            "Nobody told us first");
        Assert.Equal("Grete Olsen", a.Speaker);
    }
}
