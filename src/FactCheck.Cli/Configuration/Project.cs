using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// Where a command's inputs and report are, when the command line does not say: from <c>factcheck.yaml</c> (found
/// from the working folder upwards; its paths are read from its own folder), else from the folder holding
/// <c>claims/</c> (the working folder or one above it, so running inside <c>claims/</c> works). Flags win over both.
/// </summary>
internal sealed class Project
{
    public const string ClaimsFolder = "claims";
    public const string RulesFolder = "rules";
    public const string ReportName = "factcheck.db";

    private Project(string workingDirectory, string root, ProjectConfig? config, IReadOnlyList<Diagnostic> diagnostics)
    {
        WorkingDirectory = workingDirectory;
        Root = root;
        Config = config;
        Diagnostics = diagnostics;
    }

    public string WorkingDirectory { get; }

    /// <summary>The configuration's folder, else the folder holding <c>claims/</c>, else the working folder.</summary>
    public string Root { get; }

    public ProjectConfig? Config { get; }

    /// <summary>Problems in the configuration file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static Project Discover(string workingDirectory)
    {
        var cwd = Path.GetFullPath(workingDirectory);
        if (ProjectConfigReader.Find(cwd) is { } file)
        {
            var diagnostics = new List<Diagnostic>();
            var config = ProjectConfigReader.Read(file, ClaimsLoader.Display(file, cwd), diagnostics);
            diagnostics.Sort(Diagnostic.ByPosition);
            return new Project(cwd, Path.GetDirectoryName(file)!, config, diagnostics);
        }

        return new Project(cwd, FindClaimsHolder(cwd) ?? cwd, null, []);
    }

    /// <summary>The claims to read: the flag's path, the configuration's, or <c>claims/</c> in the root; shown relative to the working folder.</summary>
    public string Claims(string? flag) => Show(flag is not null ? Full(flag) : Config?.Claims is { } c ? FromConfig(c) : Path.Combine(Root, ClaimsFolder));

    /// <summary>
    /// The rules to read, or null for the bundled pack: the flag's path, the configuration's (<c>bundled</c> for the
    /// bundled pack), else <c>rules/</c> in the root when it exists, else the bundled pack.
    /// </summary>
    public string? Rules(string? flag)
    {
        if (flag is not null) return Show(Full(flag));
        if (Config?.Rules is { } r) return r == ProjectConfigReader.BundledRulesValue ? null : Show(FromConfig(r));
        var folder = Path.Combine(Root, RulesFolder);
        return Directory.Exists(folder) ? Show(folder) : null;
    }

    /// <summary>
    /// The report <c>check</c> writes when neither the flag nor the configuration names one: beside the configuration;
    /// without one, beside the claims folder, unless that would leave the git repository holding the claims (or, out of
    /// any repository, the project found): then inside the claims folder. Never outside the project.
    /// </summary>
    public string DefaultReport(string claimsPath)
    {
        if (Config is not null) return Config.Report is { } r ? FromConfig(r) : Path.Combine(Root, ReportName);
        var claims = Full(claimsPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var folder = Directory.Exists(claims) ? claims : Path.GetDirectoryName(claims) ?? claims;
        var parent = Path.GetDirectoryName(folder);
        var boundary = GitTopLevel(folder) ?? Root;
        return Path.Combine(parent is not null && IsWithin(parent, boundary) ? parent : folder, ReportName);
    }

    /// <summary>The report <c>report</c> and <c>query</c> read: the configuration's, else the one <c>check</c> writes by default.</summary>
    public string ReportToRead() => Show(Config?.Report is { } r ? FromConfig(r) : DefaultReport(Claims(null)));

    private string Full(string path) => Path.GetFullPath(path, WorkingDirectory);

    private string FromConfig(string path) => Path.GetFullPath(path, Root);

    /// <summary>Relative to the working folder, as positions in messages are.</summary>
    private string Show(string full)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        return relative == "." ? "." : relative.Replace('\\', '/');
    }

    /// <summary>The nearest folder from <paramref name="start"/> upwards that holds <c>claims/</c>, within the git repository if any.</summary>
    private static string? FindClaimsHolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ClaimsFolder))) return dir.FullName;
            if (Path.Exists(Path.Combine(dir.FullName, ".git"))) return null;
        }

        return null;
    }

    /// <summary>The top of the git work tree holding <paramref name="directory"/> (where <c>.git</c> is), or null.</summary>
    internal static string? GitTopLevel(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        }

        return null;
    }

    internal static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
