using FactCheck.Claims.Dates;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Recorded;
using FactCheck.Drafting.Tests.Evaluation;

namespace FactCheck.Drafting.Tests;

/// <summary>The word-pair index kept on disk between runs: read when the claims are unchanged, rebuilt when not or when the file is damaged.</summary>
public sealed class IndexCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fc-index-cache-" + Guid.NewGuid().ToString("N"));

    private static readonly string Story = Path.Combine(RepositoryPaths.Root, "tests", "FactCheck.Drafting.Tests", "Corpus", "port-strike");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static (ClaimSet Recorded, string Text, DraftRequest Request) Article()
    {
        var gold = GoldSet.Load(Story);
        var source = gold.Sources.Single(s => s.Id == "port-rewrite");
        return (GoldSet.Without(gold, source.Id), source.Text!, new DraftRequest(source.Id) { Published = PartialDate.Parse("2024-03-06") });
    }

    private static Draft Drafted(string text, DraftRequest request, ClaimIndex index) => ClaimDrafter.Draft(text, request, index.Claims, index);

    private static string Summary(Draft d) =>
        string.Join("\n", d.Matched.Select(m => $"{m.ClaimId} {m.Similarity} {m.Appearance.Quote}")
            .Concat(d.Claims.Select(c => $"{c.Id} {string.Join(",", c.SameAs.Select(l => l.ClaimId + l.Similarity))} {c.Appearance.Quote}")));

    [Fact]
    public void Unchanged_claims_read_the_index_back_and_draft_the_same()
    {
        var (recorded, text, request) = Article();
        var cache = new IndexCache(_folder, minClaims: 0);
        var built = Drafted(text, request, cache.Get(new LoadedClaims(recorded)));
        Assert.StartsWith("built", cache.LastOutcome);
        var read = Drafted(text, request, cache.Get(new LoadedClaims(recorded)));
        Assert.Equal("read", cache.LastOutcome);
        Assert.Equal(Summary(built), Summary(read));
        Assert.Equal(Summary(ClaimDrafter.Draft(text, request, recorded)), Summary(read));
        Assert.Single(Directory.GetFiles(_folder, "*.idx"));
    }

    [Fact]
    public void An_edited_quote_makes_a_new_index()
    {
        var (recorded, _, _) = Article();
        var cache = new IndexCache(_folder, minClaims: 0);
        cache.Get(new LoadedClaims(recorded));
        var first = recorded.Claims[0];
        var edited = recorded with
        {
            Claims = [first with { Appearances = [first.Appearances[0] with { Quote = first.Appearances[0].Quote + " today" }] }, .. recorded.Claims.Skip(1)],
        };
        cache.Get(new LoadedClaims(edited));
        Assert.StartsWith("built", cache.LastOutcome);
        Assert.Equal(2, Directory.GetFiles(_folder, "*.idx").Length);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("forged")]
    public void A_damaged_file_is_rebuilt_and_replaced(string damage)
    {
        var (recorded, text, request) = Article();
        var cache = new IndexCache(_folder, minClaims: 0);
        var expected = Summary(Drafted(text, request, cache.Get(new LoadedClaims(recorded))));
        var file = Directory.GetFiles(_folder, "*.idx").Single();
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                // A posting (near the end) pointing past the entries.
                bytes[^2] = 0x7f;
                File.WriteAllBytes(file, bytes);
                break;
            case "forged":
                // A posting out of range under a checksum that matches: the bounds checks catch it.
                var body = bytes[..^8];
                body[^2] = 0x7f;
                File.WriteAllBytes(file, [.. body, .. BitConverter.GetBytes(IndexCache.Checksum(body))]);
                break;
            default:
                File.WriteAllBytes(file, []);
                break;
        }

        var index = cache.Get(new LoadedClaims(recorded));
        Assert.StartsWith("built (cache file unreadable", cache.LastOutcome);
        Assert.Equal(expected, Summary(Drafted(text, request, index)));
        cache.Get(new LoadedClaims(recorded));
        Assert.Equal("read", cache.LastOutcome);
    }

    [Fact]
    public void At_most_four_files_are_kept()
    {
        var (recorded, _, _) = Article();
        var cache = new IndexCache(_folder, minClaims: 0);
        for (var i = 0; i < 6; i++)
        {
            cache.Get(new LoadedClaims(recorded with { Claims = recorded.Claims.Take(recorded.Claims.Count - i).ToList() }));
        }

        Assert.Equal(IndexCache.MaxFiles, Directory.GetFiles(_folder, "*.idx").Length);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_only_costs_the_cache()
    {
        var (recorded, text, request) = Article();
        Directory.CreateDirectory(Path.GetDirectoryName(_folder + "/x")!);
        var blocker = Path.Combine(_folder, "file");
        File.WriteAllText(blocker, "not a folder");
        var cache = new IndexCache(Path.Combine(blocker, "sub"), minClaims: 0);
        var draft = Drafted(text, request, cache.Get(new LoadedClaims(recorded)));
        Assert.Contains("not writable", cache.LastOutcome);
        Assert.Equal(Summary(ClaimDrafter.Draft(text, request, recorded)), Summary(draft));
    }

    [Fact]
    public void Small_claim_sets_are_not_cached()
    {
        var (recorded, _, _) = Article();
        new IndexCache(_folder).Get(new LoadedClaims(recorded));
        Assert.False(Directory.Exists(_folder));
    }
}
