using FactCheck.Claims.Loading;
using FactCheck.Cli;

namespace FactCheck.Drafting.Tests;

/// <summary><c>factcheck draft</c> and <c>factcheck match</c> run in-process on a copy of the bundled claims.</summary>
public sealed class CommandTests
{
    private static (int Code, string Out, string Err) Run(string dir, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = FactCheckApp.Run(args, output, error, dir);
        return (code, output.ToString(), error.ToString());
    }

    private static TempFolder CopyOfClaims()
    {
        var dir = new TempFolder();
        // A project is a git repository: files beside claims/ (the article) are inside it, and may be read.
        dir.File(Path.Combine(".git", "HEAD"), "ref: refs/heads/main\n");
        var claims = RepositoryPaths.Combine("claims");
        foreach (var f in Directory.GetFiles(claims, "*", SearchOption.AllDirectories))
        {
            dir.File(Path.Combine("claims", Path.GetRelativePath(claims, f)), File.ReadAllText(f));
        }

        return dir;
    }

    [Fact]
    public void Draft_prints_yaml_that_loads()
    {
        using var dir = CopyOfClaims();
        dir.File("article.txt", "\"Our members have families too,\" union leader Maria Kowalski told reporters on Monday.");
        var (code, output, error) = Run(dir.Path, "draft", "article.txt", "--source", "new-article", "--published", "2024-03-06", "--outlet", "Daily");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var loaded = ClaimsLoader.LoadText(output, "out.yaml", Path.Combine(dir.Path, "claims"));
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Claims.Diagnostics.DiagnosticSeverity.Error);
        var claim = Assert.Single(loaded.ClaimSet.Claims);
        Assert.Equal("Maria Kowalski", claim.Claimant.Name);
        Assert.Equal("reporters", claim.Appearances[0].Audience);
        Assert.Contains("# on Monday = 2024-03-04", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_of_a_recorded_source_uses_its_stored_text_and_leaves_out_what_is_recorded()
    {
        using var dir = CopyOfClaims();
        var (code, output, _) = Run(dir.Path, "draft", "--source", "rewrite-2023-11-08-putin-alliance");
        Assert.Equal(0, code);
        Assert.Contains("already recorded for source 'rewrite-2023-11-08-putin-alliance'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nsources:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_into_a_file_then_validate_passes()
    {
        using var dir = CopyOfClaims();
        dir.File("article.txt", "“We see all this and react calmly,” Russian President Vladimir Putin said on Thursday.");
        var (code, output, error) = Run(dir.Path, "draft", "article.txt", "--source", "thursday-article", "--published", "2023-11-09", "--into", "claims/drafted.yaml");
        Assert.True(code == 0, output + error);
        Assert.Contains("drafted", output, StringComparison.Ordinal);
        var (vcode, voutput, _) = Run(dir.Path, "validate", "claims");
        Assert.True(vcode == 0, voutput);
        Assert.Contains("text: \"../article.txt\"", File.ReadAllText(Path.Combine(dir.Path, "claims", "drafted.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_into_an_existing_file_replaces_it_whole_keeping_its_link_and_permissions()
    {
        if (OperatingSystem.IsWindows()) return; // Links and Unix permissions.
        using var dir = CopyOfClaims();
        dir.File("article.txt", "“We see all this and react calmly,” Russian President Vladimir Putin said on Thursday.");
        var shared = Path.Combine(dir.Path, "shared", "putin.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        File.Move(Path.Combine(dir.Path, "claims", "putin.yaml"), shared);
        var link = Path.Combine(dir.Path, "claims", "putin.yaml");
        File.CreateSymbolicLink(link, "../shared/putin.yaml");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(shared, mode);
        var before = File.ReadAllText(shared);

        var (code, output, error) = Run(dir.Path, "draft", "article.txt", "--source", "thursday-article", "--published", "2023-11-09", "--into", "claims/putin.yaml");

        Assert.True(code == 0, output + error);
        Assert.Equal("../shared/putin.yaml", new FileInfo(link).LinkTarget);
        var after = File.ReadAllText(shared);
        Assert.StartsWith(before.TrimEnd('\n'), after, StringComparison.Ordinal);
        Assert.Contains("thursday-article", after[before.Length..], StringComparison.Ordinal);
        Assert.Equal(mode, File.GetUnixFileMode(shared));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(new[] { "draft", "missing.txt", "--source", "x" }, "'missing.txt' does not exist")]
    [InlineData(new[] { "draft", "--source", "Not An Id" }, "is not a valid id")]
    [InlineData(new[] { "draft", "--source", "unknown-source" }, "give the article's text file")]
    [InlineData(new[] { "draft", "a.txt", "--source", "x", "--published", "2023-13-01" }, "--published '2023-13-01'")]
    public void Bad_input_gets_a_clear_error(string[] args, string message)
    {
        using var dir = CopyOfClaims();
        dir.File("a.txt", "Text.");
        var (code, _, error) = Run(dir.Path, args);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_lists_unlinked_look_alikes_with_their_positions()
    {
        using var dir = CopyOfClaims();
        var (code, output, _) = Run(dir.Path, "match");
        Assert.Equal(0, code);
        Assert.Contains("claims/context.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("looks like", output, StringComparison.Ordinal);
        Assert.Contains("unlinked look-alike pair", output, StringComparison.Ordinal);
    }
}
