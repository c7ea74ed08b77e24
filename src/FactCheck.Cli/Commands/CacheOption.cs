using System.CommandLine;
using FactCheck.Claims.Caching;

namespace FactCheck.Cli.Commands;

/// <summary>
/// <c>--no-cache</c>, and which parsed-file cache a command uses: the user's (<see cref="ParsedFileCache.OpenDefault"/>)
/// when FactCheck runs as its own process, none when it runs inside a test unless the test names a folder. The
/// folder is the user's and the machine's business, set by environment variables, not by <c>factcheck.yaml</c>: the
/// repository's files come from pull requests, and must not choose where the tool writes.
/// </summary>
internal static class CacheOption
{
    private static readonly AsyncLocal<string?> TestFolder = new();

    /// <summary>Set by <see cref="Program.Main"/>: the user's cache is used by the real program, not by commands run in tests.</summary>
    public static bool UseUserCache { get; set; }

    public static Option<bool> Create() => new("--no-cache")
    {
        Description = "Read and parse every claims file, without the cache of files parsed before ($XDG_CACHE_HOME/factcheck/claims; see docs/performance.md).",
    };

    public static ParsedFileCache? Open(bool noCache) =>
        noCache ? null
        : TestFolder.Value is { } folder ? ParsedFileCache.Open(folder)
        : UseUserCache ? ParsedFileCache.OpenDefault()
        : null;

    /// <summary>Commands run in this flow of control (a test) use the cache in <paramref name="folder"/>.</summary>
    public static IDisposable Use(string folder)
    {
        TestFolder.Value = folder;
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => TestFolder.Value = null;
    }
}
