namespace FactCheck.Cli.Tests.Configuration;

/// <summary>A temporary project holding the small story of the check-text case (claims/ and rules/), deleted on dispose.</summary>
internal sealed class TempProject : IDisposable
{
    private static readonly string Fixture = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "Cases", "check-text");

    public TempProject(bool withRules = true)
    {
        Root = Directory.CreateTempSubdirectory("factcheck-project-").FullName;
        Copy(Path.Combine(Fixture, "claims"), Path.Combine(Root, "claims"));
        if (withRules) Copy(Path.Combine(Fixture, "rules"), Path.Combine(Root, "rules"));
    }

    public string Root { get; }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs factcheck in-process in <paramref name="directory"/> (relative to the root).</summary>
    public (int Exit, string Output, string Error) Run(string directory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = FactCheckApp.Run(args, stdout, stderr, Path.Combine(Root, directory));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
