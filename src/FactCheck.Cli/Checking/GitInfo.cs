namespace FactCheck.Cli.Checking;

/// <summary>The current commit, read from <c>.git</c> directly: no git process, and nothing when there is no repository.</summary>
internal static class GitInfo
{
    public static string? CurrentCommit(string startDirectory)
    {
        try
        {
            for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
            {
                var gitDir = Path.Combine(dir.FullName, ".git");
                if (!Directory.Exists(gitDir)) continue;
                var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
                if (!head.StartsWith("ref: ", StringComparison.Ordinal)) return head;
                var reference = head[5..];
                var loose = Path.Combine(gitDir, reference);
                if (File.Exists(loose)) return File.ReadAllText(loose).Trim();
                var packed = Path.Combine(gitDir, "packed-refs");
                if (!File.Exists(packed)) return null;
                foreach (var line in File.ReadLines(packed))
                {
                    if (line.EndsWith(" " + reference, StringComparison.Ordinal)) return line[..line.IndexOf(' ')];
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
}
