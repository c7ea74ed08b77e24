using System.Net.Sockets;
using System.Text;

namespace FactCheck.Cli.Serving;

/// <summary>
/// <c>factcheck serve --stop</c>: asks every session in the servers' folder (<see cref="ServerFolder"/>) to end if it
/// was started from this working folder, whatever its claims, rules or build (a session of an older build is stopped
/// too); each answers with what it was. Sessions of other folders say no and go on. A background session still loading
/// (no socket yet) is found by the file it writes beside its socket meanwhile (<see cref="WriteLoading"/>: its process
/// id and start time, and its working folder) and ended with SIGTERM.
/// </summary>
internal static class SessionStop
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);

    /// <returns>What each stopped session was (its claims and rules, process and checks answered).</returns>
    public static List<string> Run(string baseDirectory)
    {
        var stopped = new List<string>();
        if (ServerFolder.Folder() is not { } folder || !Directory.Exists(folder) || !ServerFolder.IsPrivate(folder)) return stopped;
        var payload = Encoding.UTF8.GetBytes(ServerFolder.Canonical(baseDirectory, baseDirectory));
        foreach (var path in Directory.EnumerateFiles(folder, "*.sock").Order(StringComparer.Ordinal))
        {
            if (Ask(path, payload) is { } what) stopped.Add(what);
        }

        var folderText = Encoding.UTF8.GetString(payload);
        foreach (var path in Directory.EnumerateFiles(folder, "*.loading").Order(StringComparer.Ordinal))
        {
            if (Loading(path) is not { } loading) continue;
            if (!IsRunning(loading.Process, loading.Started))
            {
                // Left by a session killed while it loaded (SIGTERM then ends it before it can tidy up).
                RemoveLoading(path);
                continue;
            }

            if (loading.Folder == folderText && Posix.Terminate(loading.Process))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (IsRunning(loading.Process, loading.Started) && clock.Elapsed < AnswerWait) Thread.Sleep(20);
                stopped.Add($"the session of process {loading.Process}, which was still loading");
            }
        }

        return stopped;
    }

    /// <summary>Writes, beside the socket, what <c>--stop</c> needs to end this process while it loads; returns the file.</summary>
    public static string? WriteLoading(string socketPath, string baseDirectory)
    {
        var path = Path.ChangeExtension(socketPath, ".loading");
        try
        {
            File.WriteAllText(path, $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}\n{ServerFolder.Canonical(baseDirectory, baseDirectory)}\n");
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the session for <paramref name="socketPath"/> is still loading (its process runs; it does not listen yet).</summary>
    public static bool IsLoading(string socketPath) =>
        Loading(Path.ChangeExtension(socketPath, ".loading")) is { } loading && IsRunning(loading.Process, loading.Started);

    public static void RemoveLoading(string? path)
    {
        try
        {
            if (path is not null) File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Harmless: --stop checks the process is this one before it signals it.
        }
    }

    private static (int Process, string Started, string Folder)? Loading(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            var first = lines.Length >= 2 ? lines[0].Split(' ') : [];
            return first.Length == 2 && int.TryParse(first[0], out var pid) ? (pid, first[1], lines[1]) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="process"/> runs and is the one that started at <paramref name="started"/> (not a reused id).</summary>
    private static bool IsRunning(int process, string started) => StartTime(process) is { } now && now == started;

    /// <summary>The process's start time in clock ticks since boot (/proc/PID/stat, field 22); null when it is not running.</summary>
    private static string? StartTime(int process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && fields[0] != "Z" ? fields[19] : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Ask(string path, byte[] payload)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using (var timeout = new CancellationTokenSource(CheckClient.ConnectWait))
            {
                socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).AsTask().GetAwaiter().GetResult();
            }

            if (Posix.PeerUserId(socket) != Posix.UserId) return null;
            socket.ReceiveTimeout = socket.SendTimeout = (int)AnswerWait.TotalMilliseconds;
            using var stream = new NetworkStream(socket, ownsSocket: false);
            ServeProtocol.WriteFrame(stream, ServeProtocol.Stop, payload);
            if (ServeProtocol.ReadFrame(stream, 1 << 16) is not { Type: ServeProtocol.Stop } answer) return null;
            // Until the session has let go of its socket: a check or a new session right after finds it gone.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (File.Exists(path) && clock.Elapsed < AnswerWait) Thread.Sleep(20);
            return "the session on " + Encoding.UTF8.GetString(answer.Payload);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException or InvalidDataException)
        {
            // A dead socket (a killed session's) or one that does not answer: nothing to stop there.
            return null;
        }
    }
}
