using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FactCheck.Cli.Serving;

/// <summary>
/// The few Linux calls a served check needs that .NET has no API for: the process's user id, a path's owner and
/// mode (statx(2)), the user id of the process at the other end of a Unix socket (SO_PEERCRED), and, for a session
/// started in the background, leaving the terminal's session (setsid(2)), standard streams on /dev/null (dup2(2)) and
/// a thread's nice value (setpriority(2): per thread on Linux).
/// </summary>
internal static class Posix
{
    /// <summary>The user id this process runs as.</summary>
    public static uint UserId => GetEffectiveUserId();

    /// <summary>The owner and permission bits of <paramref name="path"/> (links not followed); null when it cannot be read.</summary>
    public static (uint Owner, uint Mode)? OwnerAndMode(string path)
    {
        var buffer = new byte[256];
        // AT_FDCWD, AT_SYMLINK_NOFOLLOW, STATX_MODE | STATX_UID; struct statx: stx_uid at 20, stx_mode (u16) at 28.
        if (Statx(-100, path, 0x100, 0x2 | 0x8, buffer) != 0) return null;
        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt16(buffer, 28));
    }

    /// <summary>The user id of the peer of a connected Unix socket (struct ucred { pid; uid; gid; }); null when unknown.</summary>
    public static uint? PeerUserId(Socket socket)
    {
        const int SolSocket = 1, SoPeerCred = 17;
        Span<byte> credentials = stackalloc byte[12];
        try
        {
            return socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) == 12 ? BitConverter.ToUInt32(credentials[4..]) : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>
    /// Leaves the caller's session and process group (a new session, no controlling terminal: Ctrl-C and a closed
    /// terminal do not reach it) and points standard input, output and error at /dev/null (nothing waits on a pipe it
    /// inherited). False when either fails.
    /// </summary>
    public static bool Detach()
    {
        // setsid fails only for a process group leader, which a child started by .NET is not.
        if (CreateSession() < 0) return false;
        // Tells the check that started it that it is out of the terminal's reach (AutoStart waits for this byte: a
        // terminal closed before the setsid would have hung it up).
        Write(1, [(byte)'d'], 1);
        var nul = Open("/dev/null", 2 /* O_RDWR */);
        if (nul < 0) return false;
        var ok = true;
        for (var fd = 0; fd <= 2; fd++) ok &= Dup2(nul, fd) >= 0;
        if (nul > 2) Close(nul);
        return ok;
    }

    /// <summary>The calling thread's nice value (on Linux a thread's own; the threads it creates inherit it); false when refused.</summary>
    public static bool SetThreadNice(int nice) => SetPriority(0 /* PRIO_PROCESS */, 0 /* this thread */, nice) == 0;

    /// <summary>Sends SIGTERM to <paramref name="process"/>; false when it cannot.</summary>
    public static bool Terminate(int process) => Kill(process, 15) == 0;

    /// <summary>The calling thread's nice value (/proc/thread-self/stat, field 19); null when it cannot be read.</summary>
    public static int? ThreadNice()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 16 && int.TryParse(fields[16], out var nice) ? nice : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Puts every thread of the process at <paramref name="nice"/> where the system allows it (best effort).</summary>
    public static void RestoreThreadsNice(int nice)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (uint.TryParse(Path.GetFileName(task), out var thread)) SetPriority(0, thread, nice);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left lower: the pool threads that loaded retire when unused.
        }
    }

    // SYSLIB1054 (use LibraryImport) is a suggestion; these signatures need no marshalling code.
    [DllImport("libc", EntryPoint = "geteuid", ExactSpelling = true)]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "setsid", ExactSpelling = true)]
    private static extern int CreateSession();

    [DllImport("libc", EntryPoint = "write", ExactSpelling = true)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "open", ExactSpelling = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "dup2", ExactSpelling = true)]
    private static extern int Dup2(int from, int to);

    [DllImport("libc", EntryPoint = "close", ExactSpelling = true)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "setpriority", ExactSpelling = true)]
    private static extern int SetPriority(int which, uint who, int nice);

    [DllImport("libc", EntryPoint = "kill", ExactSpelling = true)]
    private static extern int Kill(int process, int signal);
}
