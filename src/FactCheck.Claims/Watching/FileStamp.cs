using System.Runtime.InteropServices;

namespace FactCheck.Claims.Watching;

/// <summary>
/// What tells cheaply whether a file changed since it was read: its length, times written and changed (nanoseconds)
/// and its inode. On Linux these come from statx(2): the BCL gives neither the inode nor the change time, and the
/// change time is what makes the stamp trustworthy (a program can set the time written back, as <c>cp -p</c> and
/// <c>tar</c> do, but not the change time; a file replaced by a rename has another inode). Elsewhere only the
/// length and the time written are known (<see cref="Strong"/> is false).
/// </summary>
/// <remarks>
/// File times come from a coarse clock (a few milliseconds): a file written again within the same tick, to the
/// same length, keeps its stamp. So a stamp taken less than <see cref="RacyWindow"/> after the file last changed is
/// <see cref="Racy"/> (as git calls its index entries in the same case): the file is read again next time whatever
/// its stamp says, until a stamp taken later is no longer racy.
/// </remarks>
public readonly record struct FileStamp(long Length, long WrittenNs, long ChangedNs, ulong Inode, ulong Device, bool Strong)
{
    /// <summary>How long after its last change a file's stamp is not trusted: many clock ticks, and clock steps.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private static bool _noStatx = !OperatingSystem.IsLinux();

    /// <summary>The stamp of a path that does not exist or cannot be read.</summary>
    public static FileStamp Missing { get; } = new(-1, 0, 0, 0, 0, Strong: false);

    /// <summary>Whether the file changed so recently that its stamp may not tell the next change (see remarks).</summary>
    public bool Racy { get; init; }

    /// <summary>The stamp of <paramref name="path"/> (links followed), taken now.</summary>
    public static FileStamp Of(string path)
    {
        var now = DateTime.UtcNow;
        var stamp = Statx(path) ?? Portable(path);
        if (stamp.Length < 0) return stamp;
        var last = DateTime.UnixEpoch.AddTicks(Math.Max(stamp.WrittenNs, stamp.ChangedNs) / 100);
        return stamp with { Racy = now - last < RacyWindow };
    }

    /// <summary>Equal stamps, <see cref="Racy"/> aside (two stamps of one unchanged file differ in it as time passes).</summary>
    public bool Same(FileStamp other) =>
        Length == other.Length && WrittenNs == other.WrittenNs && ChangedNs == other.ChangedNs && Inode == other.Inode && Device == other.Device;

    private static FileStamp Portable(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Missing;
            var written = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
            return new FileStamp(info.Length, written, written, 0, 0, Strong: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Missing;
        }
    }

    private static FileStamp? Statx(string path)
    {
        if (_noStatx) return null;
        var buffer = new byte[256];
        try
        {
            // AT_FDCWD, no flags (links followed), STATX_BASIC_STATS.
            if (NativeStatx(-100, path, 0, 0x7FF, buffer) != 0) return Missing;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _noStatx = true;
            return null;
        }

        // struct statx (linux/stat.h), the same on every architecture: stx_ino at 32, stx_size at 40, stx_ctime at 96,
        // stx_mtime at 112 (each { s64 tv_sec; u32 tv_nsec; }), stx_dev_major/minor at 136/140.
        static long Time(byte[] b, int at) => (BitConverter.ToInt64(b, at) * 1_000_000_000L) + BitConverter.ToUInt32(b, at + 8);
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new FileStamp(BitConverter.ToInt64(buffer, 40), Time(buffer, 112), Time(buffer, 96), BitConverter.ToUInt64(buffer, 32), device, Strong: true);
    }

    // SYSLIB1054 (use LibraryImport) is a suggestion: LibraryImport needs unsafe code enabled for this assembly.
    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true, SetLastError = false)]
    private static extern int NativeStatx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
