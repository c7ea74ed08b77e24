using System.Buffers.Binary;
using System.Text;

namespace FactCheck.Report.Internal;

/// <summary>
/// Looks at a file's first bytes before SQLite touches it, so that a file that is not a database, or a
/// database cut short, is refused with a clear message and never written to.
/// </summary>
internal static class SqliteHeader
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <returns>False when the file does not exist or is empty (a new report may be made there).</returns>
    public static bool CheckExisting(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (Directory.Exists(path))
            {
                throw new ReportException($"'{path}' is a directory, not a report file. Pass a file path, e.g. '{Path.Combine(path, "factcheck.db")}'.");
            }

            return false;
        }

        if (info.Length == 0)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[100];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"'{path}' cannot be read ({e.Message}). Check its permissions.", e);
        }

        if (read < header.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ReportException(
                $"'{path}' is not a FactCheck report: it is not an SQLite database. It was left untouched; pass another path for the report.");
        }

        var pageSize = (int)BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        pageSize = pageSize == 1 ? 65536 : pageSize;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            throw Damaged(path, "its header gives an impossible page size");
        }

        // The in-header page count is trusted only when the change counter matches "version-valid-for".
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        if (changeCounter == validFor && pages > 0 && !HasPendingWal(path) && (long)pages * pageSize > info.Length)
        {
            throw Damaged(path, $"it is cut short ({info.Length} bytes where its header announces {(long)pages * pageSize})");
        }

        return true;
    }

    private static bool HasPendingWal(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists && wal.Length > 0;
    }

    private static ReportException Damaged(string path, string why) =>
        new($"'{path}' is damaged: {why}. It was left untouched; restore it from a backup, or move it away to start a new report.");
}
