using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FactCheck.Cli.Serving;

/// <summary>
/// The few Linux calls a served check needs that .NET has no API for: the process's user id, a path's owner and
/// mode (statx(2)), and the user id of the process at the other end of a Unix socket (SO_PEERCRED).
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

    // SYSLIB1054 (use LibraryImport) is a suggestion; these signatures need no marshalling code.
    [DllImport("libc", EntryPoint = "geteuid", ExactSpelling = true)]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
