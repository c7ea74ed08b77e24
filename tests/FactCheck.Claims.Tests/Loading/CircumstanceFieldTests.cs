using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>The second-wave fields reach the model with their meaning: absent and empty bylines differ, flags default to false.</summary>
public sealed class CircumstanceFieldTests
{
    private const string Yaml = """
        sources:
          - {id: wire, kind: wire-copy, wire: AFP}
          - {id: none, kind: article, outlet: O, authors: []}
          - {id: paper, kind: article, outlet: P, authors: [A], credits: [wire], derived_from: wire}
          - {id: kremlin, kind: transcript, primary: true, text_excerpt: false}
        propositions: [{key: p, description: d}]
        claims:
          - id: c1
            statement: x
            claimant: {name: X, kind: person}
            stances: [{proposition: p, stance: denies}]
            appearances:
              - {source: kremlin, attribution: direct-quote, quote: q, via: Kremlin, speaker_role: President, place: Moscow, occasion: talks, timing: before, audience: Zhang, hedge: likely}
              - {source: paper, attribution: reported, quote: 'said it was at the "highest level"', fragments: [highest level]}
        """;

    [Fact]
    public void New_fields_are_bound()
    {
        var result = ClaimsLoader.LoadText(Yaml, "c.yaml");
        Assert.Empty(result.Diagnostics);
        var sources = result.ClaimSet.Sources.ToDictionary(s => s.Id);
        Assert.False(sources["wire"].AuthorsKnown);
        Assert.True(sources["none"].AuthorsKnown);
        Assert.Empty(sources["none"].Authors);
        Assert.Equal(["wire"], sources["paper"].CreditedSources.Select(c => c.Id));
        Assert.True(sources["kremlin"].Primary);
        Assert.False(sources["kremlin"].TextExcerpt);
        Assert.False(sources["paper"].Primary);

        var (first, second) = (result.ClaimSet.Claims[0].Appearances[0], result.ClaimSet.Claims[0].Appearances[1]);
        Assert.Equal(("Kremlin", "President", "Moscow", "talks", EventTiming.Before, "Zhang", "likely"),
            (first.Via, first.SpeakerRole, first.Place, first.Occasion, first.Timing!.Value, first.Audience, first.Hedge));
        Assert.Empty(first.QuotedFragments);
        Assert.Equal(["highest level"], second.QuotedFragments);
        Assert.Null(second.Timing);
    }
}
