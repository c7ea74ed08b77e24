using System.Diagnostics;
using FactCheck.Cli.Checking;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// <c>check --baseline-ref REF</c>: the findings the claims and rules had at the merge base of REF and HEAD, so only
/// what a branch adds can fail it (Semgrep's <c>--baseline-commit</c>). The merge base is checked out in a temporary
/// <c>git worktree</c> beside nothing of the user's, checked there with the same command, and removed afterwards.
/// </summary>
internal static class GitBaseline
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The baseline's fingerprints (findings and suppressed findings).</summary>
    /// <param name="options">The run being judged; its claims and rules paths are mapped into the merge base.</param>
    /// <param name="note">Told what happened (which commit, what was missing there), for standard error.</param>
    /// <exception cref="CheckUsageException">Not in a git repository, an unknown ref, no merge base, or paths outside the repository.</exception>
    public static IReadOnlySet<string> Compute(string reference, CheckOptions options, string workingDirectory, Action<string> note)
    {
        if (reference.Length == 0 || reference.StartsWith('-'))
        {
            throw new CheckUsageException($"--baseline-ref: '{reference}' is not a git ref (a branch, tag or commit such as origin/main)");
        }

        var top = Git(workingDirectory, "rev-parse", "--show-toplevel");
        if (top.ExitCode != 0)
        {
            throw new CheckUsageException($"--baseline-ref needs a git repository, and '{workingDirectory}' is not in one ({FirstLine(top.Error)})");
        }

        var root = top.Output.Trim();
        if (Git(root, "rev-parse", "--verify", "--quiet", reference + "^{commit}").ExitCode != 0)
        {
            throw new CheckUsageException(
                $"--baseline-ref: '{reference}' is not a commit, branch or tag of this repository; on CI, fetch it first (actions/checkout with fetch-depth: 0)");
        }

        var mergeBase = Git(root, "merge-base", reference, "HEAD");
        if (mergeBase.ExitCode != 0)
        {
            throw new CheckUsageException(
                $"--baseline-ref: '{reference}' and HEAD have no common ancestor here (a shallow clone? fetch with fetch-depth: 0){Suffix(mergeBase.Error)}");
        }

        var commit = mergeBase.Output.Trim();
        var claims = Inside(root, options.ClaimsPath, workingDirectory, "claims");
        var rules = options.UseBundledRules ? null : Inside(root, options.RulesPath, workingDirectory, "rules");

        var temporary = Directory.CreateTempSubdirectory("factcheck-baseline-").FullName;
        var tree = Path.Combine(temporary, "base");
        try
        {
            var added = Git(root, "worktree", "add", "--detach", "--quiet", tree, commit);
            if (added.ExitCode != 0)
            {
                throw new CheckUsageException($"--baseline-ref: could not check out {Short(commit)} in a temporary worktree{Suffix(added.Error)}");
            }

            var baseClaims = Path.Combine(tree, claims);
            if (!Path.Exists(baseClaims))
            {
                note($"baseline: {claims} did not exist at {Short(commit)} (merge base of {reference} and HEAD); every finding counts as new");
                return new HashSet<string>(StringComparer.Ordinal);
            }

            if (rules is not null && !Path.Exists(Path.Combine(tree, rules)))
            {
                note($"baseline: {rules} did not exist at {Short(commit)} (merge base of {reference} and HEAD); every finding counts as new");
                return new HashSet<string>(StringComparer.Ordinal);
            }

            // The whole pack at the merge base, without the selection: a rule this run enables may not exist there yet.
            var baseOptions = options with
            {
                ClaimsPath = claims,
                RulesPath = rules ?? options.RulesPath,
                Database = null,
                Baseline = null,
                FailOn = null,
                OnlyRules = [],
                Selection = null,
                ConfigErrors = [],
                BaselineFingerprints = null,

                // The merge base is checked out in a temporary folder: its entries would never be found again.
                Cache = null,
            };
            var outcome = CheckRunner.Run(baseOptions, tree);
            if (outcome.InputErrors.Count > 0)
            {
                note($"baseline: the claims or rules at {Short(commit)} do not load ({outcome.InputErrors.Count} input errors, first: {outcome.InputErrors[0]}); every finding counts as new");
                return new HashSet<string>(StringComparer.Ordinal);
            }

            note($"baseline: {outcome.Findings.Count + outcome.Suppressed.Count} findings at {Short(commit)} (merge base of {reference} and HEAD)");
            return outcome.Findings.Concat(outcome.Suppressed).Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            // Unregister the worktree before deleting its folder, or git keeps a stale entry until it is pruned.
            Git(root, "worktree", "remove", "--force", tree);
            try
            {
                Directory.Delete(temporary, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the worktree is already unregistered.
            }

            Git(root, "worktree", "prune");
        }
    }

    /// <summary><paramref name="path"/> (as given, relative to the working folder) relative to the repository's top.</summary>
    private static string Inside(string root, string path, string workingDirectory, string what)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (!Project.IsWithin(full, root))
        {
            throw new CheckUsageException($"--baseline-ref: the {what} '{path}' are outside the git repository at '{root}', so they have no history there");
        }

        return Path.GetRelativePath(root, full);
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Suffix(string error) => string.IsNullOrWhiteSpace(error) ? string.Empty : $": {FirstLine(error)}";

    private sealed record Result(int ExitCode, string Output, string Error);

    private static Result Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CheckUsageException("--baseline-ref: could not start git");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CheckUsageException($"--baseline-ref needs git on PATH ({ex.Message})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new CheckUsageException($"--baseline-ref: 'git {string.Join(' ', arguments)}' did not finish in {GitTimeout.TotalMinutes:0} minutes");
            }

            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }
}
