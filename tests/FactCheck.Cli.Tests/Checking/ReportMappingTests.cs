using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Cli.Checking;
using FactCheck.Report;
using FactCheck.Tests;
using Xunit;

namespace FactCheck.Cli.Tests.Checking;

public sealed class ReportMappingTests
{
    /// <summary>
    /// The claim digest's definition ("claim/2") as it was first written: a list of field strings. The report keeps digests
    /// across runs, so the builder that writes the joined fields from their parts must give exactly these.
    /// </summary>
    private static string ReferenceDigest(Claim c)
    {
        var fields = new List<string?>
        {
            "claim/2", c.Statement, c.Claimant.Name, KebabCase.Of(c.Claimant.Kind), c.Claimant.Role, c.Made?.Text, c.Made?.Date?.ToString(),
        };
        foreach (var s in c.Stances) fields.Add($"{s.Proposition.Id}:{KebabCase.Of(s.Polarity)}:{s.Hedge}");
        foreach (var a in c.Appearances)
        {
            fields.Add($"{a.Source.Id}:{KebabCase.Of(a.Attribution)}:{a.Quote}:{a.AttributedAs}:{a.Via}:{string.Join("|", a.Dates.Select(d => d.Text))}");
        }

        foreach (var x in c.Cites) fields.Add($"{x.Source?.Id}:{x.As}");
        return ContentDigest.Compute(fields);
    }

    [Fact]
    public void A_session_keeps_each_claims_rows_and_maps_only_new_claim_objects()
    {
        var set = ClaimsLoader.Load(["claims"], RepositoryPaths.Root).ClaimSet;
        var once = ReportMapping.Inputs(set);
        var kept = ReportMapping.Inputs(set, keep: true);
        var again = ReportMapping.Inputs(set, keep: true);

        // The same rows as a one-off check maps, and the very same objects the second time (the report hashes them once).
        Assert.Equal(once.Claims, kept.Claims);
        Assert.Equal(once.Appearances, kept.Appearances);
        Assert.Equal(once.Citations, kept.Citations);
        Assert.All(kept.Claims.Zip(again.Claims), p => Assert.Same(p.First, p.Second));
        Assert.All(kept.Appearances.Zip(again.Appearances), p => Assert.Same(p.First, p.Second));

        // A claim replaced by a new object (its file saved again) is mapped again; the others keep their rows.
        var edited = set.Claims[0] with { Statement = set.Claims[0].Statement + " (edited)" };
        var next = ReportMapping.Inputs(set with { Claims = [edited, .. set.Claims.Skip(1)] }, keep: true);
        Assert.Equal(edited.Statement, next.Claims[0].Statement);
        Assert.NotEqual(kept.Claims[0].Digest, next.Claims[0].Digest);
        Assert.All(kept.Claims.Skip(1).Zip(next.Claims.Skip(1)), p => Assert.Same(p.First, p.Second));
    }

    [Fact]
    public void Claim_digests_are_the_field_strings_digest_for_every_bundled_claim()
    {
        var claims = ClaimsLoader.Load(["claims"], RepositoryPaths.Root).ClaimSet.Claims;
        Assert.NotEmpty(claims);
        var builder = new ContentDigestBuilder();
        foreach (var claim in claims)
        {
            Assert.Equal(ReferenceDigest(claim), ReportMapping.Digest(claim, builder));
        }
    }

    [Fact]
    public void Claim_digests_match_at_the_edges_of_the_joined_fields()
    {
        var claim = ClaimsLoader.Load(["claims"], RepositoryPaths.Root).ClaimSet.Claims.First(c => c.Appearances.Count > 0 && c.Stances.Count > 0);
        var at = claim.Location;
        var appearance = claim.Appearances[0];
        Claim[] variants =
        [
            claim with { Appearances = [appearance with { Dates = [] }] },
            claim with { Appearances = [appearance with { Dates = [new("on Monday", at), new("a day later", at), new(string.Empty, at)] }] },
            claim with { Appearances = [appearance with { Quote = string.Empty, AttributedAs = null, Via = "a ministry: its site" }] },
            // Non-ASCII, a pair of surrogates (an emoji), and lone halves of pairs next to the separators.
            claim with { Appearances = [appearance with { Quote = "«Là» — 東京 👍", AttributedAs = "x\uD83D", Via = "\uDC4Dy" }], Statement = "é" },
            claim with { Stances = [claim.Stances[0] with { Hedge = null }, claim.Stances[0] with { Hedge = "perhaps | so" }] },
            claim with { Cites = [new Citation(null, "a report", at), new Citation(new Reference("s:1", at), string.Empty, at)] },
            claim with { Appearances = [], Stances = [], Cites = [], Made = null },
            claim with { Appearances = [appearance with { Quote = new string('q', 100_000) }] },
        ];

        var builder = new ContentDigestBuilder();
        foreach (var variant in variants)
        {
            Assert.Equal(ReferenceDigest(variant), ReportMapping.Digest(variant, builder));
        }
    }
}
