namespace FactCheck.Claims.Loading;

/// <summary>
/// The folder FactCheck reads input from: the git repository around the folder it runs in (the nearest folder above
/// holding <c>.git</c>), else that folder itself. Claims, rules and source texts are read only when their real path
/// (every link resolved) lies inside it and outside <c>.git</c>: in CI the files come from pull requests, and a link
/// or a <c>text: ../../.git/config</c> must not turn a finding into a copy of a secret.
/// </summary>
public sealed class InputScope
{
    /// <summary>Links followed while resolving one path, as the kernel allows (ELOOP).</summary>
    private const int MaxLinks = 40;

    private InputScope(string root) => Root = root;

    /// <summary>The scope's folder, real (no links) and without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The repository around <paramref name="directory"/>, else the directory itself.</summary>
    public static InputScope Around(string directory)
    {
        var full = Path.GetFullPath(directory);
        for (var dir = full; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) return Exactly(dir);
        }

        return Exactly(full);
    }

    /// <summary>Exactly <paramref name="directory"/> (its real path): a folder named on the command line outside the repository.</summary>
    public static InputScope Exactly(string directory)
    {
        var real = Resolve(Path.GetFullPath(directory), out _) ?? Path.GetFullPath(directory);
        return new InputScope(Path.TrimEndingDirectorySeparator(real));
    }

    /// <summary>Whether <paramref name="fullPath"/> (not resolved) lies inside the scope's folder by its name alone.</summary>
    public bool ContainsLexically(string fullPath) => IsInside(Path.GetFullPath(fullPath), Root);

    /// <summary>
    /// Resolves <paramref name="fullPath"/> and says why it may not be read: null when it may (then
    /// <paramref name="real"/> is the path to open), else the reason, a phrase for an error message.
    /// </summary>
    public string? Check(string fullPath, out string real)
    {
        var resolved = Resolve(fullPath, out var loop);
        real = resolved ?? fullPath;
        if (resolved is null) return loop;
        if (!IsInside(resolved, Root)) return "it is outside the repository (FactCheck reads only files inside the folder it checks)";
        var relative = Path.GetRelativePath(Root, resolved);
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (part.Equals(".git", StringComparison.OrdinalIgnoreCase)) return "it is inside .git (FactCheck never reads git's own files)";
        }

        return null;
    }

    /// <summary>
    /// The real path: each component checked for a link and the link's target put in its place, as the kernel does
    /// (the BCL resolves only a path's last link). Null when links loop or nest past <see cref="MaxLinks"/>. A missing
    /// component ends the resolving; the rest is taken by name.
    /// </summary>
    internal static string? Resolve(string fullPath, out string? problem)
    {
        problem = null;
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var pending = new Stack<string>(Split(fullPath[root.Length..]).Reverse());
        var links = 0;
        var missing = false;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            string? target = null;
            if (!missing)
            {
                try
                {
                    var info = new FileInfo(next);
                    target = info.LinkTarget;
                    missing = target is null && !info.Exists && !Directory.Exists(next);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    missing = true;
                }
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                problem = $"its links go round in a loop (more than {MaxLinks} links)";
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                root = Path.GetPathRoot(target) ?? "/";
                current = root;
                target = target[root.Length..];
            }

            foreach (var p in Split(target).Reverse()) pending.Push(p);
        }

        return current;
    }

    private static string[] Split(string path) => path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        if (trimmed.Equals(root, comparison)) return true;
        return trimmed.StartsWith(root, comparison)
            && (root.EndsWith(Path.DirectorySeparatorChar) || trimmed[root.Length] == Path.DirectorySeparatorChar || trimmed[root.Length] == Path.AltDirectorySeparatorChar);
    }
}
