using System.Diagnostics;

namespace FactCheck.Cli.Checking;

/// <summary>
/// The commit a run checked, for the report: read from the repository's files (no git needed), in a plain
/// checkout (<c>.git</c> folder) or a linked worktree (<c>.git</c> file naming the real git folder, whose
/// branches live in the main repository). With <c>-dirty</c> appended, as <c>git describe --dirty</c> does,
/// when the claims or rules differ from that commit (changed, staged or untracked files), which asks git
/// itself; without git, the commit alone. Null outside a repository or when nothing sensible is found.
/// </summary>
internal static class GitInfo
{
    public const string DirtySuffix = "-dirty";

    /// <summary>How long <c>git status</c> may take before the run gives up on knowing (a huge or network checkout).</summary>
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(5);

    /// <param name="inputs">The claims and rules paths (relative to <paramref name="startDirectory"/>) whose changes make the run dirty.</param>
    public static string? CurrentCommit(string startDirectory, IReadOnlyList<string>? inputs = null)
    {
        var commit = ReadHead(startDirectory);
        if (commit is null || inputs is null || inputs.Count == 0) return commit;
        return IsDirty(startDirectory, inputs) == true ? commit + DirtySuffix : commit;
    }

    /// <summary>The commit HEAD points at, or null.</summary>
    public static string? ReadHead(string startDirectory)
    {
        try
        {
            for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                string gitDir;
                if (Directory.Exists(dotGit)) gitDir = dotGit;
                else if (File.Exists(dotGit) && GitDirFromFile(dotGit) is { } linked) gitDir = linked;
                else continue;

                // A linked worktree keeps HEAD in its own folder and its branches in the common one.
                var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
                    ? Path.GetFullPath(FirstLine(Path.Combine(gitDir, "commondir")) ?? ".", gitDir)
                    : gitDir;
                var head = FirstLine(Path.Combine(gitDir, "HEAD"));
                if (head is null) return null;
                if (!head.StartsWith("ref: ", StringComparison.Ordinal)) return AsCommit(head);
                var reference = head[5..].Trim();

                // Only refs/...: a HEAD naming "../../etc/passwd" reads nothing.
                if (!reference.StartsWith("refs/", StringComparison.Ordinal) || reference.Contains("..", StringComparison.Ordinal)) return null;
                foreach (var folder in new[] { gitDir, commonDir })
                {
                    var loose = Path.Combine(folder, reference);
                    if (File.Exists(loose)) return AsCommit(FirstLine(loose));
                }

                var packed = Path.Combine(commonDir, "packed-refs");
                if (!File.Exists(packed)) return null;
                foreach (var line in File.ReadLines(packed))
                {
                    if (line.EndsWith(" " + reference, StringComparison.Ordinal)) return AsCommit(line[..line.IndexOf(' ', StringComparison.Ordinal)]);
                }

                return null;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>True when git reports changes under <paramref name="inputs"/>; null when git cannot tell (not installed, refused, too slow).</summary>
    public static bool? IsDirty(string directory, IReadOnlyList<string> inputs)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // No hooks or helpers the repository could configure (core.fsmonitor runs a program), no pager, no locks taken.
        foreach (var argument in new[] { "-c", "core.fsmonitor=false", "--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=all", "--" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var input in inputs) start.ArgumentList.Add(input);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using var git = Process.Start(start);
            if (git is null) return null;
            git.StandardInput.Close();
            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(StatusTimeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            return git.ExitCode == 0 ? output.GetAwaiter().GetResult().Length > 0 : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? GitDirFromFile(string dotGitFile)
    {
        var line = FirstLine(dotGitFile);
        if (line is null || !line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
        var path = Path.GetFullPath(line[7..].Trim(), Path.GetDirectoryName(dotGitFile)!);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>The first line of a small file (HEAD, a ref); null when empty.</summary>
    private static string? FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[512];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var text = new string(buffer, 0, read);
        var end = text.IndexOfAny(['\r', '\n']);
        var line = (end < 0 ? text : text[..end]).Trim();
        return line.Length == 0 ? null : line;
    }

    /// <summary>A SHA-1 or SHA-256 object name, lower-case; anything else is not trusted into the report.</summary>
    private static string? AsCommit(string? text)
    {
        if (text is null || (text.Length != 40 && text.Length != 64)) return null;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return null;
        }

        return text;
    }
}
