using System.Runtime.InteropServices;

namespace FactCheck.Claims.Loading;

/// <summary>What a path names, as far as reading input goes.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, socket or device: opening it may block forever or read without end, so FactCheck never reads one.</summary>
    Special,
}

/// <summary>
/// The kind of a path, links followed. The BCL reports a FIFO or a device as an ordinary file (and opening a FIFO
/// blocks until a writer comes), so on Unix this asks stat(2) through the runtime's own native shim, which every .NET
/// install ships (the BCL's <c>File</c> methods call the same function); only the mode word, at a fixed offset, is read.
/// Where the shim is missing (Windows), the BCL's answer stands: there, named pipes live outside the file system.
/// </summary>
public static class FileKinds
{
    // The shim's own constants (pal_io.h), the same on every Unix it runs on.
    private const int FormatMask = 0xF000;
    private const int FormatDirectory = 0x4000;
    private const int FormatRegular = 0x8000;

    private static bool _shimMissing = OperatingSystem.IsWindows();

    /// <summary>The kind of <paramref name="path"/>, following links.</summary>
    public static FileKind Of(string path)
    {
        if (!_shimMissing)
        {
            try
            {
                // struct FileStatus { int32 Flags; int32 Mode; ... }: 160 bytes today; the buffer leaves room to grow.
                var status = new byte[512];
                if (Stat(path, status) != 0) return FileKind.Missing;
                return (BitConverter.ToInt32(status, 4) & FormatMask) switch
                {
                    FormatRegular => FileKind.Regular,
                    FormatDirectory => FileKind.Directory,
                    _ => FileKind.Special,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _shimMissing = true;
            }
        }

        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>A word for error messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.Special => "a special file (a pipe, socket or device)",
        _ => "missing",
    };

    // SYSLIB1054 (use LibraryImport) is a suggestion: LibraryImport needs unsafe code enabled for this assembly.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
