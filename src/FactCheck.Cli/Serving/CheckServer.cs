using System.Net.Sockets;
using FactCheck.Cli.Output;
using FactCheck.Cli.Watching;

namespace FactCheck.Cli.Serving;

/// <summary>
/// Answers <c>factcheck check</c> processes from a running session (<c>check --watch</c>, <c>factcheck serve</c>) on a
/// Unix socket (<see cref="ServerFolder"/>): each connection of this user (SO_PEERCRED; others are closed unanswered)
/// sends one <see cref="ServeRequest"/>, which runs as a <see cref="ServedCheck"/> on a thread of its own; the client
/// gets keep-alive frames meanwhile, then the output and exit code, or a refusal after which it checks in-process.
/// A <see cref="ServeProtocol.Stop"/> request from the session's working folder (<c>factcheck serve --stop</c>) fires
/// <see cref="StopRequested"/>, which ends the session's loop.
/// </summary>
internal sealed class CheckServer : IDisposable
{
    /// <summary>How long a client has to send its request once connected.</summary>
    private static readonly TimeSpan RequestWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromMilliseconds(500);

    private readonly Socket _listener;
    private readonly WatchSession _session;
    private readonly Action<WatchUpdate, CheckOutcome>? _synced;
    private readonly Thread _accepting;
    private readonly Claims.Watching.FileStamp _bound;
    private readonly CancellationTokenSource _stopRequested = new();
    private int _served;
    private int _busy;
    private long _lastActivity = Environment.TickCount64;
    private volatile bool _stopping;

    private CheckServer(Socket listener, string path, WatchSession session, Action<WatchUpdate, CheckOutcome>? synced)
    {
        (_listener, SocketPath, _session, _synced) = (listener, path, session, synced);
        _bound = Claims.Watching.FileStamp.Of(path);
        _accepting = new Thread(Accept) { IsBackground = true, Name = "factcheck serve" };
        _accepting.Start();
        new Thread(Settle) { IsBackground = true, Name = "factcheck serve memory" }.Start();
    }

    public string SocketPath { get; }

    /// <summary>Checks answered so far (not those declined).</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>How long no request has been in progress (zero while one is).</summary>
    public TimeSpan Idle => Volatile.Read(ref _busy) > 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastActivity));

    /// <summary>Fired by <c>factcheck serve --stop</c> from the session's working folder.</summary>
    public CancellationToken StopRequested => _stopRequested.Token;

    /// <summary>Listens for the session; null, with the reason, when it cannot (no folder, one not private, another session already answers).</summary>
    /// <param name="synced">Told when a served check found and read changes (watch mode prints them).</param>
    public static CheckServer? Start(WatchSession session, Action<WatchUpdate, CheckOutcome>? synced, out string? why)
    {
        why = null;
        if (ServerFolder.SocketFor(session.Options, session.BaseDirectory) is not { } path)
        {
            why = ServerFolder.Folder() is null ? "servers are not used here (Linux only, and not inside tests)" : "the socket's path would be too long";
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        try
        {
            if (!ServerFolder.Prepare(folder))
            {
                why = $"the folder '{folder}' is not private to this user (mode 0700, owned by them): fix it or remove it";
                return null;
            }

            if (File.Exists(path))
            {
                if (CheckClient.IsLive(path))
                {
                    why = "another session for the same claims and rules answers checks already";
                    return null;
                }

                // Left by a session that was killed.
                File.Delete(path);
            }

            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                listener.Bind(new UnixDomainSocketEndPoint(path));
                if (OperatingSystem.IsLinux()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                listener.Listen(16);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            return new CheckServer(listener, path, session, synced);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            why = $"cannot listen on '{path}': {ex.Message}";
            return null;
        }
    }

    /// <summary>Once the session has been idle a moment after a check, what the check left is collected (<see cref="SessionMemory"/>).</summary>
    private void Settle()
    {
        var settled = Served;
        while (!_stopping)
        {
            Thread.Sleep(250);
            if (Served != settled && Idle >= SessionMemory.SettleAfter)
            {
                settled = Served;
                SessionMemory.Compact();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _accepting.Join(TimeSpan.FromSeconds(2));
        try
        {
            // Only this server's socket: a later session may have replaced a socket it found dead.
            if (Claims.Watching.FileStamp.Of(SocketPath).Inode == _bound.Inode) File.Delete(SocketPath);
        }
        catch (IOException)
        {
            // Left behind: the next session finds it dead and replaces it.
        }

        // _stopRequested is not disposed: a stop request may still be answered on its own thread (it has no timer to free).
    }

    private void Accept()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (_stopping) return;
                continue;
            }

            var thread = new Thread(() => Serve(client)) { IsBackground = true, Name = "factcheck served check" };
            thread.Start();
        }
    }

    private void Serve(Socket client)
    {
        Interlocked.Increment(ref _busy);
        try
        {
            ServeOne(client);
        }
        finally
        {
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            Interlocked.Decrement(ref _busy);
        }
    }

    private void ServeOne(Socket client)
    {
        using (client)
        using (var stream = new NetworkStream(client, ownsSocket: false))
        {
            try
            {
                // Another user's process gets nothing: the folder (0700) should have kept it out already.
                if (Posix.PeerUserId(client) != Posix.UserId) return;
                client.ReceiveTimeout = (int)RequestWait.TotalMilliseconds;
                client.SendTimeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
                var frame = ServeProtocol.ReadFrame(stream, ServeProtocol.MaxRequestBytes);
                if (frame is { Type: ServeProtocol.Stop } stop)
                {
                    StopIfOurs(stream, System.Text.Encoding.UTF8.GetString(stop.Payload));
                    return;
                }

                if (frame is not { Type: ServeProtocol.Request } asked) return;
                var request = ServeRequest.Decode(asked.Payload);
                if (request.Build != ServerFolder.BuildId)
                {
                    Answer(stream, ServeProtocol.Declined, "another build of FactCheck"u8);
                    return;
                }

                if (request.Arguments is not ["check", ..] || request.Arguments.Contains("--watch"))
                {
                    Answer(stream, ServeProtocol.Declined, "not a check"u8);
                    return;
                }

                Run(stream, request);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException or ObjectDisposedException)
            {
                // The client went away or is not one: it checks in-process, or it was never ours to answer.
            }
        }
    }

    /// <summary>Ends the session when <paramref name="workingDirectory"/> is the one it was started from; says what it was.</summary>
    private void StopIfOurs(NetworkStream stream, string workingDirectory)
    {
        if (!string.Equals(
                ServerFolder.Canonical(workingDirectory, _session.BaseDirectory), ServerFolder.Canonical(_session.BaseDirectory, _session.BaseDirectory), StringComparison.Ordinal))
        {
            Answer(stream, ServeProtocol.Declined, "another working folder"u8);
            return;
        }

        var what = $"{_session.ClaimsPath} and {_session.RulesPath ?? "the bundled rules"} (process {Environment.ProcessId}, {Served} check(s) answered)";
        Answer(stream, ServeProtocol.Stop, System.Text.Encoding.UTF8.GetBytes(what));
        _stopRequested.Cancel();
    }

    private void Run(NetworkStream stream, ServeRequest request)
    {
        var gate = new object();
        var done = false;
        void Send(byte type)
        {
            lock (gate)
            {
                if (done) return;
                try
                {
                    ServeProtocol.WriteFrame(stream, type, []);
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    // The client left; the check finishes (its report is written) and the answer goes nowhere.
                }
            }
        }

        // A thread of its own, not a timer: the thread pool is busy with the check itself, and a late keep-alive makes
        // the client give up.
        using var finished = new ManualResetEventSlim();
        var keepAlive = new Thread(() =>
        {
            while (!finished.Wait(KeepAliveEvery)) Send(ServeProtocol.KeepAlive);
        }) { IsBackground = true, Name = "factcheck served check keep-alive" };
        keepAlive.Start();
        // FACTCHECK_TIMINGS=1 in the session's environment: each served check's phases, and the answer's, on its standard error.
        using var timer = new Claims.Diagnostics.PhaseTimer();
        using var capture = new OutputCapture();
        var served = new ServedCheck(_session, request, _synced, () => Send(ServeProtocol.Accepted));
        int exitCode;
        try
        {
            using (served.Use())
            {
                exitCode = FactCheckApp.Run([.. request.Arguments], capture.Output, capture.Error, request.WorkingDirectory);
            }
        }
        finally
        {
            finished.Set();
            keepAlive.Join();
        }

        timer.Mark("served check");

        lock (gate)
        {
            done = true;
            if (served.Declined is { } why)
            {
                ServeProtocol.WriteFrame(stream, ServeProtocol.Declined, System.Text.Encoding.UTF8.GetBytes(why));
                return;
            }

            // Counted first: the client may look as soon as it has the answer.
            Interlocked.Increment(ref _served);
            capture.WriteResult(stream, ServeProtocol.Result, exitCode);
        }

        timer.Mark("answer sent");
    }

    private static void Answer(Stream stream, byte type, ReadOnlySpan<byte> payload) => ServeProtocol.WriteFrame(stream, type, payload);
}
