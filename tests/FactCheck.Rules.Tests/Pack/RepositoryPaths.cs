namespace FactCheck.Rules.Tests.Pack;

/// <summary>Finds the repository from the test binaries, so the bundled rules and claims are read where they are edited.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
