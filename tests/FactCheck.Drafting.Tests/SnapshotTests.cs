using FactCheck.Claims.Dates;
using FactCheck.Claims.Loading;
using FactCheck.Drafting.Output;
using FactCheck.Drafting.Recorded;
using FactCheck.Drafting.Tests.Evaluation;

namespace FactCheck.Drafting.Tests;

/// <summary>
/// The snapshot <c>draft</c> keeps of the recorded claims: read instead of loading them while every claims file and
/// source text is byte for byte as it was, with the same draft as a full load; any change loads them again.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Root, "tests", "FactCheck.Drafting.Tests", "Corpus");

    private readonly TempFolder _work = new();
    private readonly string _cache;

    public SnapshotTests()
    {
        // Two stories' claims with their stored texts, in a folder of their own, written well before the runs (a file
        // written in the two seconds before a run may still be changing, and is not snapshotted).
        foreach (var story in (string[])["port-strike", "wildfire"])
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Corpus, story), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Path.Combine(Corpus, story), file);
                var target = _work.File(Path.Combine("claims", story, relative));
                File.Copy(file, target);
            }
        }

        Age();
        _cache = Path.Combine(_work.Path, "cache");
    }

    public void Dispose() => _work.Dispose();

    private string ClaimsFile(string story) => Path.Combine(_work.Path, "claims", story, "claims.yaml");

    /// <summary>Every file of the work folder dated a minute back.</summary>
    private void Age()
    {
        foreach (var file in Directory.GetFiles(_work.Path, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
    }

    private LoadResult Load() => ClaimsLoader.Load(["claims"], _work.Path);

    /// <summary>The claims, once any snapshot the run writes is written (as the command waits for it before it ends).</summary>
    private RecordedClaims Open()
    {
        var recorded = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out _);
        _ = recorded.Outcome;
        return recorded;
    }

    /// <summary>The rewrite as a new outlet's article (its printings match recorded claims), and the recorded wire story drafted from its stored text.</summary>
    private static string Drafts(RecordedClaims recorded)
    {
        var rewrite = File.ReadAllText(Path.Combine(Corpus, "port-strike", "texts", "rewrite.txt"));
        var asNew = new DraftRequest("port-rewrite-2") { Published = PartialDate.Parse("2024-03-07"), Outlet = "Harbour Post" };
        var stored = recorded.SourceText("port-wire") ?? throw new InvalidOperationException("port-wire has no stored text");
        var asRecorded = new DraftRequest("port-wire");
        return string.Join(
            "\n---\n",
            DraftYaml.Write(ClaimDrafter.Draft(rewrite, asNew, recorded, null), "texts/rewrite-2.txt"),
            Where(ClaimDrafter.Draft(rewrite, asNew, recorded, null)),
            DraftYaml.Write(ClaimDrafter.Draft(stored, asRecorded, recorded, null), null));
    }

    /// <summary>Where each matched printing would be inserted by --into: the claim's file and line.</summary>
    private static string Where(Draft d) => string.Join("\n", d.Matched.Select(m => $"{m.ClaimId} {m.ClaimFile}:{m.ClaimLine}"));

    [Fact]
    public void Unchanged_claims_are_read_from_the_snapshot_and_draft_exactly_as_a_full_load()
    {
        var first = Open();
        Assert.EndsWith("a new one written)", first.Outcome);
        var second = Open();
        Assert.Equal("snapshot", second.Outcome);
        Assert.Single(Directory.GetFiles(_cache, "*" + Snapshot.Extension));

        var full = Drafts(RecordedClaims.Of(Load().ClaimSet));
        Assert.Contains("port-rewrite-2", full);
        Assert.Matches(@"claims/port-strike/claims\.yaml:\d+", full);
        Assert.Equal(full, Drafts(first));
        Assert.Equal(full, Drafts(second));
    }

    [Fact]
    public void A_draft_made_while_the_snapshot_is_written_is_the_same()
    {
        var full = Drafts(RecordedClaims.Of(Load().ClaimSet));
        for (var i = 0; i < 3; i++)
        {
            Directory.CreateDirectory(_cache);
            foreach (var old in Directory.GetFiles(_cache)) File.Delete(old);
            var recorded = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out _);
            Assert.Equal(full, Drafts(recorded));
            Assert.EndsWith("a new one written)", recorded.Outcome);
            Assert.Equal(full, Drafts(Open()));
        }
    }

    [Fact]
    public void The_snapshot_reads_back_every_field_drafting_uses()
    {
        Open();
        var loaded = new LoadedClaims(Load().ClaimSet);
        var read = (SnapshotClaims)Open().View;
        Assert.Equal(loaded.Count, read.Count);
        for (var c = 0; c < loaded.Count; c++)
        {
            var (a, b) = (loaded.Claim(c), read.Claim(c));
            Assert.Equal(
                (a.Id, a.ClaimantName, a.ClaimantKind, a.ClaimantRole, a.File, a.Line, loaded.Statement(c)),
                (b.Id, b.ClaimantName, b.ClaimantKind, b.ClaimantRole, b.File, b.Line, read.Statement(c)));
            Assert.Equal(a.Stances, b.Stances);
            Assert.Equal(a.Appearances, b.Appearances);
            for (var i = 0; i < a.Appearances.Count; i++) Assert.Equal(loaded.Quote(c, i), read.Quote(c, i));
        }

        Assert.Equal(loaded.Sources(), read.Sources());
        Assert.Equal(loaded.SourceTexts(), read.SourceTexts());
        Assert.Equal(loaded.ClaimIds(), read.ClaimIds());
        Assert.Equal(loaded.Propositions(), read.Propositions());
        Assert.Equal(loaded.Source("port-wire"), read.Source("port-wire"));
        Assert.Null(read.Source("no-such-source"));
    }

    [Fact]
    public void An_edited_claims_file_is_loaded_again_even_with_its_old_size_and_time()
    {
        Open();
        var file = ClaimsFile("port-strike");
        var before = new FileInfo(file);
        var (length, written) = (before.Length, before.LastWriteTimeUtc);
        var yaml = File.ReadAllText(file);
        var edited = yaml.Replace("Wirestar", "Wirestaz", StringComparison.Ordinal);
        Assert.NotEqual(yaml, edited);
        File.WriteAllText(file, edited);
        File.SetLastWriteTimeUtc(file, written);
        Assert.Equal(length, new FileInfo(file).Length);

        var after = Open();
        Assert.StartsWith("loaded (snapshot: the claims changed", after.Outcome);
        Assert.Equal(Drafts(RecordedClaims.Of(Load().ClaimSet)), Drafts(after));
        Assert.Equal("snapshot", Open().Outcome);
    }

    [Fact]
    public void An_edited_quote_changes_the_draft_and_is_not_served_from_the_old_snapshot()
    {
        var old = Drafts(Open());
        var file = ClaimsFile("port-strike");
        var yaml = File.ReadAllText(file);
        var quote = Load().ClaimSet.Claims.First(c => c.Location.File.StartsWith("claims/port-strike", StringComparison.Ordinal)).Appearances[0].Quote;
        File.WriteAllText(file, yaml.Replace(quote, "Nothing at all alike here", StringComparison.Ordinal));
        Age();

        var after = Drafts(Open());
        Assert.NotEqual(old, after);
        Assert.Equal(Drafts(RecordedClaims.Of(Load().ClaimSet)), after);
    }

    [Theory]
    [InlineData("new file")]
    [InlineData("removed file")]
    [InlineData("source text")]
    public void Any_change_to_what_the_loader_reads_loads_the_claims_again(string change)
    {
        Open();
        switch (change)
        {
            case "new file":
                File.WriteAllText(_work.File("claims/extra.yaml"), "claims: []\n");
                break;
            case "removed file":
                File.Delete(ClaimsFile("wildfire"));
                break;
            default:
                File.AppendAllText(Path.Combine(_work.Path, "claims", "port-strike", "texts", "wire.txt"), "\nOne more line.\n");
                break;
        }

        Age();
        var after = Open();
        Assert.StartsWith("loaded (snapshot: the claims changed", after.Outcome);
        Assert.Equal(Drafts(RecordedClaims.Of(Load().ClaimSet)), Drafts(after));
    }

    [Fact]
    public void Claims_with_errors_are_loaded_every_time_and_their_errors_returned()
    {
        File.AppendAllText(ClaimsFile("wildfire"), "  - id: broken\n");
        Age();
        _ = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out var diagnostics).Outcome;
        Assert.Contains(diagnostics, d => d.Severity == Claims.Diagnostics.DiagnosticSeverity.Error);
        var again = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out diagnostics);
        Assert.Contains("none written: the claims have errors", again.Outcome);
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void Files_saved_just_before_the_run_are_not_snapshotted()
    {
        File.SetLastWriteTimeUtc(ClaimsFile("wildfire"), DateTime.UtcNow);
        Assert.Contains("none written: files changed", Open().Outcome);
        Age();
        Assert.EndsWith("a new one written)", Open().Outcome);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("forged")]
    [InlineData("empty")]
    public void A_damaged_snapshot_is_replaced(string damage)
    {
        var expected = Drafts(Open());
        var file = Directory.GetFiles(_cache, "*" + Snapshot.Extension).Single();
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(file, bytes);
                break;
            case "forged":
                // One byte short under a checksum that matches: the bounds checks catch it.
                var body = bytes[..^9];
                File.WriteAllBytes(file, [.. body, .. BitConverter.GetBytes(Checksum64.Of(body))]);
                break;
            default:
                File.WriteAllBytes(file, []);
                break;
        }

        var after = Open();
        Assert.StartsWith("loaded (snapshot: ", after.Outcome);
        Assert.EndsWith("a new one written)", after.Outcome);
        Assert.Equal(expected, Drafts(after));
        Assert.Equal("snapshot", Open().Outcome);
    }

    [Fact]
    public void Small_claim_sets_write_no_snapshot()
    {
        var recorded = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, out _);
        Assert.Contains("too few claims", recorded.Outcome);
        Assert.Empty(Directory.Exists(_cache) ? Directory.GetFiles(_cache, "*" + Snapshot.Extension) : []);
    }

    [Fact]
    public void Claims_about_to_change_read_a_snapshot_but_write_none()
    {
        var recorded = RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out _, writeSnapshot: false);
        Assert.Contains("none written: the claims are about to change", recorded.Outcome);
        Assert.False(Directory.Exists(_cache) && Directory.GetFiles(_cache, "*" + Snapshot.Extension).Length > 0);
        Open();
        Assert.Equal("snapshot", RecordedClaims.Open(["claims"], _work.Path, _cache, Load, minClaims: 0, out _, writeSnapshot: false).Outcome);
    }

    [Fact]
    public void Without_a_cache_folder_the_claims_are_loaded()
    {
        var recorded = RecordedClaims.Open(["claims"], _work.Path, null, Load, minClaims: 0, out _);
        Assert.Equal("loaded", recorded.Outcome);
        Assert.False(Directory.Exists(_cache));
    }

    [Fact]
    public void A_string_utf8_cannot_hold_as_it_is_is_refused()
    {
        var strings = new StringNumbers(2);
        Assert.Equal(0, strings.Number("fine"));
        Assert.Equal(0, strings.Number("fine"));
        Assert.Equal(-1, strings.Number(null));
        Assert.True(strings.Seal());
        strings.Number("half a pair \ud800");
        Assert.False(strings.Seal());
    }

    [Fact]
    public void The_checksum_does_not_depend_on_how_the_bytes_are_cut()
    {
        var bytes = new byte[1000];
        new Random(7).NextBytes(bytes);
        var whole = Checksum64.Of(bytes);
        foreach (var cut in (int[])[1, 3, 7, 8, 9, 64, 999])
        {
            var pieces = new Checksum64();
            for (var i = 0; i < bytes.Length; i += cut) pieces.Append(bytes.AsSpan(i, Math.Min(cut, bytes.Length - i)));
            Assert.Equal(whole, pieces.Value);
        }

        bytes[500] ^= 1;
        Assert.NotEqual(whole, Checksum64.Of(bytes));
        Assert.NotEqual(Checksum64.Of(new byte[8]), Checksum64.Of(new byte[9]));
    }
}
