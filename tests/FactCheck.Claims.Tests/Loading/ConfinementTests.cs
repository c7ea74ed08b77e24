using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// Files are read only inside the repository (the folder holding <c>.git</c>): links out of it, special files and
/// link loops are refused with positioned errors, and nothing blocks. Links and FIFOs are made here, not kept in git.
/// </summary>
public sealed class ConfinementTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("factcheck-outside-").FullName;
    private readonly string _repo = Directory.CreateTempSubdirectory("factcheck-repo-").FullName;

    public ConfinementTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        File.WriteAllText(Path.Combine(_repo, ".git", "config"), "[http] extraheader = AUTHORIZATION: basic c2VjcmV0\n");
        Directory.CreateDirectory(Path.Combine(_repo, "claims", "texts"));
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "the secret\n");
        File.WriteAllText(Path.Combine(_outside, "secret.yaml"), "secret: value\n");
        File.WriteAllText(Path.Combine(_repo, "claims", "texts", "article.txt"), "He said it.\n");
    }

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public void A_claims_file_linked_outside_the_repository_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "claims", "notes.yaml"), Path.Combine(_outside, "secret.yaml"));

        var result = ClaimsLoader.Load(["claims"], _repo);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("outside-repository", error.Code);
        Assert.Equal("claims/notes.yaml", error.Location.ToString());
        Assert.DoesNotContain("secret", error.Message.Replace("secret.yaml", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void The_claims_folder_as_a_link_outside_is_refused()
    {
        Directory.Delete(Path.Combine(_repo, "claims"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(_repo, "claims"), _outside);

        var result = ClaimsLoader.Load(["claims"], _repo);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("outside-repository", error.Code);
        Assert.Empty(result.ClaimSet.Files);
    }

    [Fact]
    public void A_folder_link_inside_the_claims_folder_pointing_outside_is_not_followed()
    {
        Directory.CreateSymbolicLink(Path.Combine(_repo, "claims", "more"), _outside);

        var result = ClaimsLoader.Load(["claims"], _repo);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("outside-repository", error.Code);
        Assert.Equal("claims/more", error.Location.File);
    }

    [Fact]
    public void Links_inside_the_repository_are_followed()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "shared"));
        File.WriteAllText(Path.Combine(_repo, "shared", "one.yaml"), "propositions:\n  - {key: a, description: A}\n");
        Directory.CreateSymbolicLink(Path.Combine(_repo, "claims", "shared"), Path.Combine(_repo, "shared"));

        var result = ClaimsLoader.Load(["claims"], _repo);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["claims/shared/one.yaml"], result.ClaimSet.Files);
    }

    [Theory]
    [InlineData("link.txt")]
    [InlineData("../../.git/config")]
    public void A_source_text_outside_the_repository_or_in_git_is_refused(string text)
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "claims", "link.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateDirectory(Path.Combine(_repo, "claims", "deep"));
        File.WriteAllText(Path.Combine(_repo, "claims", "deep", "story.yaml"), $"sources:\n  - {{id: s, kind: article, text: {(text == "link.txt" ? "../link.txt" : text)}}}\n");

        var result = ClaimsLoader.Load(["claims"], _repo);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("text-outside", error.Code);
        Assert.Equal("claims/deep/story.yaml:2:34", error.Location.ToString());
        Assert.Null(Assert.Single(result.ClaimSet.Sources).Text);
    }

    [Fact]
    public void A_source_text_reached_through_dot_dot_inside_the_repository_is_read()
    {
        File.WriteAllText(Path.Combine(_repo, "claims", "story.yaml"), "sources:\n  - {id: s, kind: article, text: ../claims/texts/article.txt}\n");

        var result = ClaimsLoader.Load(["claims"], _repo);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("He said it.\n", Assert.Single(result.ClaimSet.Sources).Text);
    }

    [Fact]
    public void Two_links_to_the_parent_do_not_make_the_walk_loop()
    {
        File.WriteAllText(Path.Combine(_repo, "claims", "one.yaml"), "propositions:\n  - {key: a, description: A}\n");
        var sub = Path.Combine(_repo, "claims", "sub");
        Directory.CreateDirectory(sub);
        for (var i = 0; i < 2; i++) Directory.CreateSymbolicLink(Path.Combine(sub, $"up{i}"), "..");
        Directory.CreateSymbolicLink(Path.Combine(sub, "self"), ".");

        var result = ClaimsLoader.Load(["claims"], _repo);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["claims/one.yaml"], result.ClaimSet.Files);
    }

    [Fact]
    public void A_link_loop_is_an_error_not_a_hang()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "claims", "a.yaml"), "b.yaml");
        File.CreateSymbolicLink(Path.Combine(_repo, "claims", "b.yaml"), "a.yaml");

        var result = ClaimsLoader.Load(["claims"], _repo);

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Contains("loop", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifos_as_claims_files_and_texts_are_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs in the file system there
        MakeFifo(Path.Combine(_repo, "claims", "pipe.yaml"));
        MakeFifo(Path.Combine(_repo, "claims", "texts", "pipe.txt"));
        File.WriteAllText(Path.Combine(_repo, "claims", "story.yaml"), "sources:\n  - {id: s, kind: article, text: texts/pipe.txt}\n");

        var load = Task.Run(() => ClaimsLoader.Load(["claims"], _repo));

        var result = await load.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["not-a-file", "not-a-file"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(["claims/pipe.yaml", "claims/story.yaml:2:34"], result.Diagnostics.Select(d => d.Location.ToString()));
    }

    [Fact]
    public async Task A_fifo_given_by_name_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        MakeFifo(Path.Combine(_outside, "given.yaml"));

        var load = Task.Run(() => ClaimsLoader.Load([Path.Combine(_outside, "given.yaml")], _repo));

        var result = await load.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("not-a-file", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_folder_outside_the_repository_given_by_name_is_read_but_its_links_stay_inside_it()
    {
        var given = Path.Combine(_outside, "given");
        Directory.CreateDirectory(given);
        File.WriteAllText(Path.Combine(given, "story.yaml"), "sources:\n  - {id: s, kind: article, text: ../secret.txt}\n");

        var result = ClaimsLoader.Load([given], _repo);

        Assert.Equal("text-outside", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void An_unreadable_sub_folder_is_an_error_not_a_crash()
    {
        if (OperatingSystem.IsWindows()) return;
        var locked = Path.Combine(_repo, "claims", "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            // As root every folder is readable: then there is nothing to refuse, and loading must simply succeed.
            var unreadable = !CanList(locked);
            var result = ClaimsLoader.Load(["claims"], _repo);
            Assert.Equal(unreadable ? ["unreadable"] : [], result.Diagnostics.Select(d => d.Code));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Git_folders_are_never_walked()
    {
        File.WriteAllText(Path.Combine(_repo, ".git", "hooks.yaml"), "secret: value\n");

        var result = ClaimsLoader.Load(["."], _repo);

        Assert.Empty(result.ClaimSet.Files);
    }

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).ToList();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
