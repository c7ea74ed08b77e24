using System.Security.Cryptography;
using System.Text;
using FactCheck.Cli.Checking;

namespace FactCheck.Cli.Serving;

/// <summary>
/// Where running sessions listen: one Unix socket per claims, rules, working folder and build of the tool, in a folder
/// only its user can enter (0700): <c>$XDG_RUNTIME_DIR/factcheck/</c>, else <c>factcheck/servers/</c> in the cache
/// folder. The name is a hash, so it stays short (a socket path is limited to 107 bytes) and a rebuilt tool (another
/// build id) never talks to an old server. Used by the real program only (<see cref="Program.Main"/>), or by a test
/// that names its own folder: nothing run in-process elsewhere starts or looks for a server.
/// </summary>
internal static class ServerFolder
{
    /// <summary>The longest socket path Linux takes (sun_path is 108 bytes with its terminating zero).</summary>
    private const int MaxSocketPath = 107;

    private static readonly AsyncLocal<string?> TestFolder = new();

    /// <summary>Set by <see cref="Program.Main"/>: the user's folder is used by the real program, not by commands run in tests.</summary>
    public static bool UseUserFolder { get; set; }

    /// <summary>
    /// The tool's build: the module version ids of its assemblies (a deterministic build changes them exactly when the
    /// code changes) and the runtime's version.
    /// </summary>
    public static string BuildId { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
        "|",
        BuildAssemblies
            .Select(a => a.ManifestModule.ModuleVersionId.ToString("N"))
            .Append(Environment.Version.ToString())))))[..16];

    /// <summary>The tool's own assemblies, whose builds make <see cref="BuildId"/>.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> BuildAssemblies =>
        [.. new[] { typeof(ServerFolder), typeof(Claims.Loading.ClaimsLoader), typeof(Rules.Language.RulePackLoader), typeof(Engine.IRuleEngine), typeof(Report.ReportStore) }.Select(t => t.Assembly)];

    /// <summary>Commands run in this flow of control (a test) use servers in <paramref name="folder"/>.</summary>
    public static IDisposable Use(string folder)
    {
        TestFolder.Value = folder;
        return new Restore();
    }

    /// <summary>The folder, when servers are used here at all (Linux; the real program or a test that named one).</summary>
    public static string? Folder()
    {
        if (!OperatingSystem.IsLinux()) return null;
        if (TestFolder.Value is { } test) return test;
        if (!UseUserFolder) return null;
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Path.IsPathFullyQualified(runtime) && Directory.Exists(runtime))
        {
            return Path.Combine(runtime, "factcheck");
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathFullyQualified(cache))
        {
            cache = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        }

        return cache is null ? null : Path.Combine(cache, "factcheck", "servers");
    }

    /// <summary>The socket of the session for these claims, rules and working folder; null when there is no place for one.</summary>
    public static string? SocketFor(CheckOptions options, string baseDirectory)
    {
        if (Folder() is not { } folder) return null;
        var key = string.Join(
            "\n",
            Canonical(options.ClaimsPath, baseDirectory),
            options.UseBundledRules ? "(bundled)" : Canonical(options.RulesPath, baseDirectory),
            Canonical(baseDirectory, baseDirectory),
            BuildId);
        var path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24] + ".sock");
        return Encoding.UTF8.GetByteCount(path) <= MaxSocketPath ? path : null;
    }

    /// <summary>Whether <paramref name="folder"/> is a real folder (not a link) of this user that no one else may enter.</summary>
    public static bool IsPrivate(string folder) =>
        Posix.OwnerAndMode(folder) is { } status && status.Owner == Posix.UserId && (status.Mode & 0xF000) == 0x4000 && (status.Mode & 0x3F) == 0;

    /// <summary>Creates the folder (0700) when missing; false when it is not private (someone else's, or open to others).</summary>
    public static bool Prepare(string folder)
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (!Directory.Exists(folder)) Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return IsPrivate(folder);
    }

    /// <summary>
    /// The full path, normalised, without a trailing separator. Links are not resolved: the paths a check prints are
    /// relative to the working folder as spelt, so two spellings of one folder are two sessions.
    /// </summary>
    public static string Canonical(string path, string baseDirectory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, baseDirectory));

    private sealed class Restore : IDisposable
    {
        public void Dispose() => TestFolder.Value = null;
    }
}
