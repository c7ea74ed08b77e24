using System.Text;
using System.Text.Json;
using FactCheck.Claims.Caching;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Caching;

/// <summary>
/// A load through the cache gives exactly what a load without it gives (claims, sources, problems, positions), reads
/// only what changed, and survives whatever is found in the cache folder. Each test works on a copy of the
/// repository's claims (with their source texts) in a folder of its own, with a cache folder of its own.
/// </summary>
public sealed class ParsedFileCacheTests : IDisposable
{
    private static readonly JsonSerializerOptions Rendering = new() { IncludeFields = true };

    private readonly string _repo = Directory.CreateTempSubdirectory("factcheck-cache-repo-").FullName;
    private readonly string _cacheDir = Directory.CreateTempSubdirectory("factcheck-cache-").FullName;

    public ParsedFileCacheTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        var from = RepositoryPaths.Combine("claims");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_repo, "claims", Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        // Source texts written just now are not stored (they might be changing); these are old, as in a checkout.
        foreach (var text in Directory.EnumerateFiles(Path.Combine(_repo, "claims", "texts"))) File.SetLastWriteTimeUtc(text, DateTime.UtcNow.AddMinutes(-5));
    }

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_cacheDir, recursive: true);
    }

    private string ClaimsDir => Path.Combine(_repo, "claims");

    private int FileCount => Directory.GetFiles(ClaimsDir, "*.yaml").Length;

    [Fact]
    public void A_second_run_reads_no_file_and_gives_exactly_what_a_run_without_the_cache_gives()
    {
        var cache = Open();
        var first = Render(ClaimsLoader.Load(["claims"], _repo, cache));
        Assert.Equal(new CacheStatistics(FileCount, 0, FileCount), cache.LastLoad);

        var second = Render(ClaimsLoader.Load(["claims"], _repo, cache));

        Assert.Equal(new CacheStatistics(FileCount, FileCount, 0), cache.LastLoad);
        var plain = Render(ClaimsLoader.Load(["claims"], _repo));
        Assert.Equal(plain, first);
        Assert.Equal(plain, second);
        Assert.Contains("\"Text\":\"", second, StringComparison.Ordinal); // the source texts came back too
    }

    [Fact]
    public void After_random_edits_each_run_reads_only_the_edited_file_and_agrees_with_a_run_without_the_cache()
    {
        var cache = Open();
        ClaimsLoader.Load(["claims"], _repo, cache);
        var random = new Random(16);
        var files = Directory.GetFiles(ClaimsDir, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        for (var round = 0; round < 25; round++)
        {
            var file = files[random.Next(files.Length)];
            var lines = File.ReadAllLines(file).ToList();
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(at); break; // may break the YAML or a reference
                case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break; // a duplicate key or item
                case 2: lines[at] = lines[at].Replace(':', ' '); break;
                case 3: lines[at] += " edited"; break;
                default: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
            }

            // An edit that happened to change nothing (a swap of equal lines) still changes the file.
            if (lines.SequenceEqual(File.ReadAllLines(file))) lines.Add($"# round {round}");
            File.WriteAllLines(file, lines);

            var cached = Render(ClaimsLoader.Load(["claims"], _repo, cache));

            Assert.Equal(FileCount - 1, cache.LastLoad!.Hits);
            Assert.Equal(Render(ClaimsLoader.Load(["claims"], _repo)), cached);
        }
    }

    [Fact]
    public void A_changed_or_removed_source_text_is_read_again()
    {
        var cache = Open();
        ClaimsLoader.Load(["claims"], _repo, cache);
        var text = Path.Combine(ClaimsDir, "texts", "rewrite.txt");
        File.AppendAllText(text, "A sentence added later.\n");
        File.SetLastWriteTimeUtc(text, DateTime.UtcNow.AddMinutes(-1));

        var changed = ClaimsLoader.Load(["claims"], _repo, cache);

        Assert.Equal(FileCount - 1, cache.LastLoad!.Hits);
        Assert.Contains(changed.ClaimSet.Sources, s => s.Text?.Contains("A sentence added later.", StringComparison.Ordinal) == true);
        Assert.Equal(Render(ClaimsLoader.Load(["claims"], _repo)), Render(changed));

        File.Delete(text);
        var removed = ClaimsLoader.Load(["claims"], _repo, cache);

        Assert.Contains(removed.Diagnostics, d => d.Code == "missing-text");
        Assert.Equal(Render(ClaimsLoader.Load(["claims"], _repo)), Render(removed));
    }

    [Fact]
    public void A_file_whose_source_text_was_written_during_the_run_is_not_stored()
    {
        var cache = Open();
        File.SetLastWriteTimeUtc(Path.Combine(ClaimsDir, "texts", "rewrite.txt"), DateTime.UtcNow);

        ClaimsLoader.Load(["claims"], _repo, cache);

        Assert.Equal(FileCount - 1, cache.LastLoad!.Stored);
    }

    [Fact]
    public void The_same_file_under_another_display_path_is_not_taken_from_the_cache()
    {
        var cache = Open();
        ClaimsLoader.Load(["claims"], _repo, cache);

        var fromInside = ClaimsLoader.Load(["."], ClaimsDir, cache);

        Assert.Equal(0, cache.LastLoad!.Hits);
        Assert.Equal(Render(ClaimsLoader.Load(["."], ClaimsDir)), Render(fromInside));
        Assert.All(fromInside.ClaimSet.Claims, c => Assert.DoesNotContain("claims/", c.Location.File, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("other-version")]
    [InlineData("other-key")]
    [InlineData("directory")]
    [InlineData("link")]
    public void A_damaged_or_foreign_entry_is_ignored_and_rebuilt(string damage)
    {
        var cache = Open();
        var expected = Render(ClaimsLoader.Load(["claims"], _repo, cache));
        var entries = Entries();
        var originals = entries.Select(File.ReadAllBytes).ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            var (path, bytes) = (entries[i], originals[i].ToArray());
            File.Delete(path);
            switch (damage)
            {
                case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length * i / entries.Length)]); break;
                case "flipped": bytes[^(1 + i)] ^= 0x20; File.WriteAllBytes(path, bytes); break;
                case "empty": File.WriteAllBytes(path, []); break;
                case "other-version": bytes[8]++; File.WriteAllBytes(path, bytes); break;

                // Whole and digested, but its neighbour's: made for another key.
                case "other-key": File.WriteAllBytes(path, originals[(i + 1) % entries.Length]); break;
                case "directory": Directory.CreateDirectory(path); break;
                default: File.CreateSymbolicLink(path, "/dev/zero"); break;
            }
        }

        var loaded = Render(ClaimsLoader.Load(["claims"], _repo, cache));

        Assert.Equal(expected, loaded);
        Assert.Equal(0, cache.LastLoad!.Hits);
        if (damage is not "directory")
        {
            Assert.Equal(entries.Length, cache.LastLoad.Stored);
            Assert.Equal(expected, Render(ClaimsLoader.Load(["claims"], _repo, cache)));
            Assert.Equal(entries.Length, cache.LastLoad.Hits);
        }
    }

    [Fact]
    public void Entries_rewritten_with_a_valid_digest_but_random_content_never_crash_a_run()
    {
        var cache = Open();
        ClaimsLoader.Load(["claims/putin.yaml"], _repo, cache);
        var path = Assert.Single(Entries());
        var original = File.ReadAllBytes(path);
        var key = original[12..44];
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var payload = original[80..];
            for (var n = random.Next(1, 4); n > 0; n--) payload[random.Next(payload.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0) payload = payload[..random.Next(payload.Length)];
            var forged = Forge(key, payload);

            var decoded = Record.Exception(() => ParsedFileCache.Decode(forged, key));

            Assert.True(decoded is null or InvalidDataException, $"round {round}: {decoded}");
        }
    }

    [Fact]
    public async Task Two_runs_at_once_on_one_cache_folder_both_get_the_right_result_and_leave_whole_entries()
    {
        var expected = Render(ClaimsLoader.Load(["claims"], _repo));
        for (var round = 0; round < 3; round++)
        {
            foreach (var entry in Entries()) File.Delete(entry);
            var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Render(ClaimsLoader.Load(["claims"], _repo, Open())))).ToArray();

            foreach (var rendered in await Task.WhenAll(runs)) Assert.Equal(expected, rendered);
        }

        var cache = Open();
        Assert.Equal(expected, Render(ClaimsLoader.Load(["claims"], _repo, cache)));
        Assert.Equal(FileCount, cache.LastLoad!.Hits);
        Assert.Equal(FileCount, Entries().Length);
        Assert.Empty(Directory.GetFiles(_cacheDir, "*.tmp"));
    }

    [Fact]
    public void The_folder_is_kept_under_its_bound_by_deleting_the_oldest_entries_of_other_runs()
    {
        ClaimsLoader.Load(["claims"], _repo, Open());
        var old = Entries();
        foreach (var entry in old) File.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddHours(-2));
        var stale = Path.Combine(_cacheDir, "0123" + ParsedFileCache.Extension + ".abc.tmp");
        File.WriteAllText(stale, "left by a run that died");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        var foreign = Path.Combine(_cacheDir, "notes.txt");
        File.WriteAllText(foreign, "not the cache's");
        foreach (var file in Directory.GetFiles(ClaimsDir, "*.yaml")) File.AppendAllText(file, "# changed\n");

        var cache = Open(maxBytes: old.Sum(e => new FileInfo(e).Length) + 1024);
        var loaded = ClaimsLoader.Load(["claims"], _repo, cache);

        Assert.Equal(Render(ClaimsLoader.Load(["claims"], _repo)), Render(loaded));
        Assert.Equal(FileCount, cache.LastLoad!.Stored);
        var kept = Entries();
        Assert.True(kept.Sum(e => new FileInfo(e).Length) <= cache.MaxBytes);
        Assert.Equal(FileCount, kept.Length); // this run's entries, none of the old ones
        Assert.Empty(kept.Intersect(old));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public void Nothing_is_written_beside_the_claims()
    {
        var before = Directory.GetFileSystemEntries(_repo, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        ClaimsLoader.Load(["claims"], _repo, Open());
        ClaimsLoader.Load(["claims"], _repo, Open());

        Assert.Equal(before, Directory.GetFileSystemEntries(_repo, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(_cacheDir), f => Assert.EndsWith(ParsedFileCache.Extension, f, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_means_no_cache()
    {
        var file = Path.Combine(_cacheDir, "a-file");
        File.WriteAllText(file, "in the way");

        Assert.Null(ParsedFileCache.Open(Path.Combine(file, "cache")));
    }

    [Fact]
    public void The_default_folder_follows_the_environment()
    {
        // Read here only, never changed: other tests run at the same time in this process.
        var cache = ParsedFileCache.OpenDefault();
        if (Environment.GetEnvironmentVariable("FACTCHECK_CACHE") is "0" or "false" or "off")
        {
            Assert.Null(cache);
        }
        else if (Environment.GetEnvironmentVariable("FACTCHECK_CACHE_DIR") is { Length: > 0 } given)
        {
            Assert.Equal(Path.GetFullPath(given), cache?.Directory);
        }
        else if (cache is not null)
        {
            Assert.EndsWith(Path.Combine("factcheck", "claims"), cache.Directory, StringComparison.Ordinal);
        }
    }

    private ParsedFileCache Open(long maxBytes = ParsedFileCache.DefaultMaxBytes) => ParsedFileCache.Open(_cacheDir, maxBytes)!;

    private string[] Entries() => Directory.GetFileSystemEntries(_cacheDir, "*" + ParsedFileCache.Extension).Order(StringComparer.Ordinal).ToArray();

    private static string Render(LoadResult result) => JsonSerializer.Serialize(result, Rendering);

    /// <summary>An entry for <paramref name="key"/> around <paramref name="payload"/>, with the header and digest the cache expects.</summary>
    private static byte[] Forge(byte[] key, byte[] payload)
    {
        var header = new byte[80];
        Encoding.ASCII.GetBytes("FCCLAIMS").CopyTo(header, 0);
        BitConverter.GetBytes(ParsedFileCache.FormatVersion).CopyTo(header, 8);
        key.CopyTo(header, 12);
        BitConverter.GetBytes(payload.Length).CopyTo(header, 44);
        System.Security.Cryptography.SHA256.HashData(payload).CopyTo(header, 48);
        return [.. header, .. payload];
    }
}
