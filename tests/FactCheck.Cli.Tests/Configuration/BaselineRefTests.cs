using System.Text.Json;
using FactCheck.Cli.Tests.Distribution;

namespace FactCheck.Cli.Tests.Configuration;

/// <summary>
/// <c>check --baseline-ref</c> on a real git repository with two commits: the base holds the small story (two errors
/// among its findings), the branch adds a claim with one more error. Only that one fails the run.
/// </summary>
public sealed class BaselineRefTests
{
    private const string NewClaim = """
        propositions:
          - {key: bridge.new, description: The bridge is new.}
        claims:
          - id: mayor-bridge-new
            statement: The bridge is new.
            claimant: {name: The Mayor, kind: person}
            stances: [{proposition: bridge.new, stance: asserts}]
            appearances:
              - {source: paper, attribution: direct-quote, quote: "The bridge was built last year"}
        """;

    [Fact]
    public void Only_the_finding_the_branch_adds_fails_and_the_worktree_is_removed()
    {
        using var project = new TempProject();
        Git(project, "init", "--quiet", "--initial-branch=main");
        Git(project, "add", "-A");
        Git(project, "commit", "--quiet", "-m", "the story");
        Git(project, "checkout", "--quiet", "-b", "feature");
        project.Write("claims/more.yaml", NewClaim);
        Git(project, "add", "-A");
        Git(project, "commit", "--quiet", "-m", "one more claim");

        // Without a baseline, the story's own errors fail the run too.
        var all = Findings(project.Run(".", "check", "--no-report", "--format", "json").Output);
        Assert.Equal(3, all.Count(f => f.GetProperty("fails").GetBoolean()));

        var summary = Path.Combine(project.Root, "summary.md");
        var (exit, output, error) = project.Run(".", "check", "--no-report", "--format", "json", "--baseline-ref", "main", "--step-summary", summary);
        Assert.True(exit == 1, error);
        var findings = Findings(output);
        var failing = Assert.Single(findings, f => f.GetProperty("fails").GetBoolean());
        Assert.Equal("demo.quote-missing", failing.GetProperty("ruleId").GetString());
        Assert.Equal("claims/more.yaml", failing.GetProperty("file").GetString());
        Assert.Single(findings, f => f.GetProperty("new").GetBoolean());
        Assert.Contains("baseline: 6 findings at ", error, StringComparison.Ordinal);

        var markdown = File.ReadAllText(summary);
        Assert.Contains("### FactCheck: failed — 1 finding fails the run", markdown, StringComparison.Ordinal);
        Assert.Contains("| `demo.quote-missing` | error | 1 | 1 |", markdown, StringComparison.Ordinal);

        // Annotations: only the new finding.
        var github = project.Run(".", "check", "--no-report", "--format", "github", "--baseline-ref", "main", "--step-summary", summary).Output;
        Assert.Single(github.Split('\n'), l => l.StartsWith("::error file=", StringComparison.Ordinal));
        Assert.Contains("4 findings already in the baseline not annotated", github, StringComparison.Ordinal);
        Assert.Contains("1 finding (info) not shown", github, StringComparison.Ordinal);

        // The temporary worktree is gone, from the disk and from git's list.
        var worktrees = Git(project, "worktree", "list", "--porcelain").Output;
        Assert.Single(worktrees.Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));

        // On the base itself nothing is new, so nothing fails.
        Git(project, "checkout", "--quiet", "main");
        Assert.Equal(0, project.Run(".", "check", "--no-report", "--baseline-ref", "main").Exit);
    }

    [Fact]
    public void Outside_a_repository_or_with_an_unknown_ref_it_says_so_and_exits_2()
    {
        using var project = new TempProject();
        var outside = project.Run(".", "check", "--no-report", "--baseline-ref", "main");
        Assert.Equal(2, outside.Exit);
        Assert.Contains("--baseline-ref needs a git repository", outside.Error, StringComparison.Ordinal);

        Git(project, "init", "--quiet", "--initial-branch=main");
        Git(project, "add", "-A");
        Git(project, "commit", "--quiet", "-m", "the story");
        var unknown = project.Run(".", "check", "--no-report", "--baseline-ref", "origin/mian");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("'origin/mian' is not a commit, branch or tag of this repository", unknown.Error, StringComparison.Ordinal);
    }

    private static List<JsonElement> Findings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().ToList();

    private static Processes.Result Git(TempProject project, params string[] args)
    {
        var result = Processes.Run(
            "git", ["-c", "user.name=FactCheck Tests", "-c", "user.email=tests@factcheck.invalid", "-c", "commit.gpgsign=false", .. args], project.Root, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
