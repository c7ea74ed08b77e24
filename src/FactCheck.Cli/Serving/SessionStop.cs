using System.Net.Sockets;
using System.Text;

namespace FactCheck.Cli.Serving;

/// <summary>
/// <c>factcheck serve --stop</c>: asks every session in the servers' folder (<see cref="ServerFolder"/>) to end if it
/// was started from this working folder, whatever its claims, rules or build (a session of an older build is stopped
/// too); each answers with what it was. Sessions of other folders say no and go on.
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

        return stopped;
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
            return Encoding.UTF8.GetString(answer.Payload);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException or InvalidDataException)
        {
            // A dead socket (a killed session's) or one that does not answer: nothing to stop there.
            return null;
        }
    }
}
