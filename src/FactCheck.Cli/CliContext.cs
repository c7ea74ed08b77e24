namespace FactCheck.Cli;

/// <summary>
/// The directory relative paths are read against. The process's current directory by default; tests
/// running the command in-process, in parallel, each give their own (the current directory is global).
/// </summary>
internal static class CliContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string WorkingDirectory => Current.Value ?? Environment.CurrentDirectory;

    public static string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    public static IDisposable Use(string? directory)
    {
        var previous = Current.Value;
        Current.Value = directory;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
