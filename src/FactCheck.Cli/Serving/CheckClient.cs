using System.Net.Sockets;
using FactCheck.Cli.Checking;

namespace FactCheck.Cli.Serving;

/// <summary>
/// <c>factcheck check</c>'s side of a served check: when a session for the same claims, rules and working folder is
/// running (<see cref="CheckServer"/>), it runs the check and this process writes what it printed and exits with its
/// code. Anything else (no session, a dead socket, another build, a refusal, a session silent for
/// <see cref="Silence"/>) returns null, and the check runs in-process as if no session existed. Nothing here starts a
/// session (<see cref="AutoStart"/> does, after an in-process check, outside CI): in CI, where none runs, a check costs
/// one failed file lookup.
/// </summary>
internal static class CheckClient
{
    public static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(1);

    /// <summary>A session sends keep-alive frames twice a second while it works: this long without one, it is stuck.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The same once the session has taken the check on: giving up then means the run may be recorded twice (by the
    /// session, and by this process), so only a session that has stopped altogether is given up on.
    /// </summary>
    public static readonly TimeSpan SilenceOnceAccepted = TimeSpan.FromSeconds(30);

    /// <param name="arguments">The command line from <c>check</c> on.</param>
    /// <returns>The served check's exit code, its output written to <paramref name="stdout"/> and <paramref name="stderr"/>; null to check in-process.</returns>
    public static int? TryRun(IReadOnlyList<string> arguments, CheckOptions options, string baseDirectory, TextWriter stdout, TextWriter stderr)
    {
        // Inside a session already; or turned off; or timings asked for, which are this process's.
        if (ServedCheck.Current is not null) return null;
        if (Environment.GetEnvironmentVariable("FACTCHECK_SERVER") is "0" or "false" or "off") return null;
        if (Environment.GetEnvironmentVariable("FACTCHECK_TIMINGS") == "1") return null;
        // git, which the report asks for the commit, would run with the session's environment.
        if (Environment.GetEnvironmentVariable("GIT_DIR") is not null || Environment.GetEnvironmentVariable("GIT_WORK_TREE") is not null) return null;
        if (ServerFolder.SocketFor(options, baseDirectory) is not { } path || !File.Exists(path)) return null;
        var debug = Environment.GetEnvironmentVariable("FACTCHECK_DEBUG") == "1";
        (int ExitCode, ReadOnlyMemory<byte> Segments)? answer = null;
        try
        {
            if (!ServerFolder.IsPrivate(Path.GetDirectoryName(path)!)) return Fallback(debug, stderr, "the servers' folder is not private to this user");
            using var socket = Connect(path);
            if (socket is null) return Fallback(debug, stderr, "no session answers on " + path);
            if (Posix.PeerUserId(socket) != Posix.UserId) return Fallback(debug, stderr, "the session runs as another user");
            socket.ReceiveTimeout = (int)Silence.TotalMilliseconds;
            socket.SendTimeout = (int)Silence.TotalMilliseconds;
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var variables = ServeProtocol.Variables
                .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
                .Where(v => v.value is not null)
                .ToDictionary(v => v.name, v => v.value!, StringComparer.Ordinal);
            var isConsole = ReferenceEquals(stdout, Console.Out);
            var request = new ServeRequest(ServerFolder.BuildId, baseDirectory, arguments, variables, isConsole, isConsole && !Console.IsOutputRedirected);
            ServeProtocol.WriteFrame(stream, ServeProtocol.Request, request.Encode());
            while (answer is null)
            {
                switch (ServeProtocol.ReadFrame(stream, int.MaxValue))
                {
                    case null:
                        return Fallback(debug, stderr, "the session closed the connection");
                    case { Type: ServeProtocol.KeepAlive }:
                        continue;
                    case { Type: ServeProtocol.Accepted }:
                        socket.ReceiveTimeout = (int)SilenceOnceAccepted.TotalMilliseconds;
                        continue;
                    case { Type: ServeProtocol.Declined } declined:
                        return Fallback(debug, stderr, "the session declined: " + System.Text.Encoding.UTF8.GetString(declined.Payload));
                    case { Type: ServeProtocol.Result } result:
                        answer = ServeProtocol.DecodeResult(result.Payload);
                        break;
                    default:
                        return Fallback(debug, stderr, "the session answered something else");
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return Fallback(debug, stderr, ex.Message);
        }

        // Written outside the try: a failure to write (a closed pipe) is this process's, as in-process.
        OutputCapture.Replay(answer.Value.Segments.Span, stdout, stderr);
        return answer.Value.ExitCode;
    }

    /// <summary>Whether a session listens on <paramref name="path"/> (a socket left by a killed one refuses connections).</summary>
    public static bool IsLive(string path)
    {
        using var socket = Connect(path);
        return socket is not null;
    }

    private static Socket? Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var timeout = new CancellationTokenSource(ConnectWait);
            socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).AsTask().GetAwaiter().GetResult();
            return socket;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static int? Fallback(bool debug, TextWriter stderr, string why)
    {
        if (debug) stderr.WriteLine($"factcheck: checking in this process: {why}");
        return null;
    }
}
