using System.Diagnostics;
using FactCheck.Cli.Checking;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>The run's commit, on real repositories made with git: a checkout, a linked worktree, a dirty tree.</summary>
public sealed class GitInfoTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("factcheck-git-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_commit_is_found_in_a_checkout_and_in_a_linked_worktree_and_a_dirty_tree_is_marked()
    {
        var repo = Path.Combine(_root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "claims"));
        File.WriteAllText(Path.Combine(repo, "claims", "a.yaml"), "claims: []\n");
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "add", "claims");
        Git(repo, "commit", "-q", "-m", "first");
        var head = Git(repo, "rev-parse", "HEAD").Trim();

        Assert.Equal(head, GitInfo.CurrentCommit(repo, ["claims", "rules"]));
        Assert.Equal(head, GitInfo.CurrentCommit(Path.Combine(repo, "claims")));

        // A linked worktree: .git is a file, HEAD is in .git/worktrees/wt, the branch in the main repository.
        var worktree = Path.Combine(_root, "wt");
        Git(repo, "worktree", "add", "-q", "-b", "side", worktree);
        Assert.True(File.Exists(Path.Combine(worktree, ".git")));
        Assert.Equal(head, GitInfo.CurrentCommit(worktree, ["claims"]));

        // Packed refs (after gc) are read too.
        Git(repo, "pack-refs", "--all");
        Assert.Equal(head, GitInfo.CurrentCommit(worktree, ["claims"]));

        // A changed, or a new untracked, claims file makes the run dirty; a file elsewhere does not.
        File.WriteAllText(Path.Combine(worktree, "notes.txt"), "not an input\n");
        Assert.Equal(head, GitInfo.CurrentCommit(worktree, ["claims", "rules"]));
        File.WriteAllText(Path.Combine(worktree, "claims", "b.yaml"), "claims: []\n");
        Assert.Equal(head + GitInfo.DirtySuffix, GitInfo.CurrentCommit(worktree, ["claims", "rules"]));
        File.Delete(Path.Combine(worktree, "claims", "b.yaml"));
        File.AppendAllText(Path.Combine(repo, "claims", "a.yaml"), "# edited\n");
        Assert.Equal(head + GitInfo.DirtySuffix, GitInfo.CurrentCommit(repo, ["claims"]));
        Assert.Equal(head, GitInfo.CurrentCommit(worktree, ["claims"]));
    }

    [Fact]
    public void Outside_a_repository_or_with_a_forged_head_there_is_no_commit()
    {
        Assert.Null(GitInfo.ReadHead(_root));

        var forged = Path.Combine(_root, "forged");
        Directory.CreateDirectory(Path.Combine(forged, ".git"));
        File.WriteAllText(Path.Combine(forged, ".git", "HEAD"), "ref: ../../../etc/passwd\n");
        Assert.Null(GitInfo.ReadHead(forged));
        File.WriteAllText(Path.Combine(forged, ".git", "HEAD"), "\u001b[2J not a commit\n");
        Assert.Null(GitInfo.ReadHead(forged));
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.org"), ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.org") })
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
