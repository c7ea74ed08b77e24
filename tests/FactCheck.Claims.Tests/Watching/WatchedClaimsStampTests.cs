using FactCheck.Claims.Watching;

namespace FactCheck.Claims.Tests.Watching;

/// <summary>
/// <see cref="WatchedClaims.Refresh"/> told nothing (as a served check refreshes) must still find every change, and
/// read nothing that did not change: stamps with the change time and inode, source texts, and racy stamps compared by content.
/// </summary>
public sealed class WatchedClaimsStampTests : IDisposable
{
    private const string Claims = """
        sources:
          - id: wire
            outlet: Wire
            published: 2023-11-08
            url: https://example.org/wire
            text: texts/wire.txt
        claims:
          - id: c1
            statement: The minister said the talks went well.
            claimant: {name: A Minister, kind: person}
            stances: []
            appearances:
              - source: wire
                attribution: direct-quote
                quote: "the talks went well"
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("factcheck-stamps-").FullName;

    private string File1 => Path.Combine(_root, "claims", "a.yaml");

    private string Text => Path.Combine(_root, "claims", "texts", "wire.txt");

    public WatchedClaimsStampTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "claims", "texts"));
        File.WriteAllText(File1, Claims);
        File.WriteAllText(Text, "He said the talks went well, and left.");
        File.WriteAllText(Path.Combine(_root, "claims", "b.yaml"), "claims: []\n");
    }

    [Fact]
    public void A_file_just_written_and_unchanged_is_not_read_again()
    {
        // Written a moment ago: every stamp is racy, so the content decides.
        var watched = new WatchedClaims(["claims"], _root);
        Assert.Empty(watched.Refresh(new HashSet<string>()));
        Assert.Empty(watched.Refresh(new HashSet<string>()));
    }

    [Fact]
    public void A_rewrite_of_the_same_length_with_the_time_written_set_back_is_found_untold()
    {
        var watched = new WatchedClaims(["claims"], _root);
        var written = File.GetLastWriteTimeUtc(File1);
        // As `cp -p` or `tar` leave a file: other content, the same length, the old time written.
        File.WriteAllText(File1, Claims.Replace("went well", "went fine", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(File1, written);
        Assert.Equal(["claims/a.yaml"], watched.Refresh(new HashSet<string>()));
        Assert.Contains("went fine", watched.Current.ClaimSet.Claims.Single().Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_source_text_reads_again_the_file_that_names_it()
    {
        var watched = new WatchedClaims(["claims"], _root);
        Assert.Contains("and left", watched.Current.ClaimSet.Sources.Single().Text, StringComparison.Ordinal);
        File.WriteAllText(Text, "He said the talks went badly, and stayed.");
        Assert.Equal(["claims/a.yaml"], watched.Refresh(new HashSet<string>()));
        Assert.Contains("and stayed", watched.Current.ClaimSet.Sources.Single().Text, StringComparison.Ordinal);
        File.Delete(Text);
        Assert.Equal(["claims/a.yaml"], watched.Refresh(new HashSet<string>()));
        Assert.Contains(watched.Current.Diagnostics, d => d.Location.File == "claims/a.yaml");
    }

    [Fact]
    public void A_stamp_taken_long_after_the_last_change_is_trusted()
    {
        File.SetLastWriteTimeUtc(File1, DateTime.UtcNow.AddMinutes(-5));
        var stamp = FileStamp.Of(File1);
        Assert.True(stamp.Length > 0);
        // The change time moved with the time written set just now: still racy on Linux, where it is known.
        Assert.Equal(stamp.Strong, stamp.Racy);
        Assert.True(stamp.Same(FileStamp.Of(File1)));
        Assert.Equal(-1, FileStamp.Of(Path.Combine(_root, "missing.yaml")).Length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
