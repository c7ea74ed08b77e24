using System.Buffers;
using System.Text;
using System.Text.Unicode;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>Reads an input file as UTF-8 text, refusing binary, oversized and mis-encoded files with a positioned error.</summary>
public static class InputText
{
    /// <summary>A claims file or source text larger than this is not something an editor wrote.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <param name="displayPath">The path errors name.</param>
    /// <param name="at">Where a problem is reported; the file's own start when null.</param>
    public static string? Read(string fullPath, string displayPath, ICollection<Diagnostic> diagnostics, Location? at = null)
    {
        using var text = ReadPooled(fullPath, displayPath, diagnostics, at);
        return text?.ToString();
    }

    /// <summary>
    /// The same checks as <see cref="Read"/>, with the bytes and characters in pooled buffers: a claims file of
    /// 150 KB is a 300 KB string, and every such allocation lands on the large object heap, whose budget, spent
    /// 400 files in, sets off full collections of the growing model. Dispose the result to return its buffer.
    /// </summary>
    public static PooledText? ReadPooled(string fullPath, string displayPath, ICollection<Diagnostic> diagnostics, Location? at = null)
    {
        var where = at ?? new Location(displayPath, 1, 1);
        byte[] bytes;
        int length;
        // Opening a FIFO blocks until someone writes to it, and a device can be read without end: not input.
        var kind = FileKinds.Of(fullPath);
        if (kind is FileKind.Special or FileKind.Directory)
        {
            diagnostics.Add(Diagnostic.Error(where, "not-a-file", $"'{Path.GetFileName(fullPath)}' is {FileKinds.Describe(kind)}, which FactCheck does not read", "give the path of an ordinary file"));
            return null;
        }

        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var size = stream.Length;
            if (size > MaxBytes)
            {
                diagnostics.Add(Diagnostic.Error(
                    where, "file-too-large", $"'{Path.GetFileName(fullPath)}' is {size / (1024 * 1024)} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB", "split it into several files"));
                return null;
            }

            bytes = ArrayPool<byte>.Shared.Rent((int)size + 1);
            length = 0;
            // Read to the end, not just the announced size: the file may have changed in between.
            while (true)
            {
                if (length == bytes.Length)
                {
                    if (length > MaxBytes) break;

                    var larger = ArrayPool<byte>.Shared.Rent(length * 2);
                    bytes.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }

                var n = stream.Read(bytes, length, bytes.Length - length);
                if (n == 0) break;
                length += n;
            }

            if (length > MaxBytes)
            {
                // It grew past the limit while being read.
                ArrayPool<byte>.Shared.Return(bytes);
                diagnostics.Add(Diagnostic.Error(
                    where, "file-too-large", $"'{Path.GetFileName(fullPath)}' grew past {MaxBytes / (1024 * 1024)} MiB, the limit, while being read", "split it into several files"));
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error(where, "unreadable", $"cannot read '{displayPath}': {ex.Message}"));
            return null;
        }

        try
        {
            var content = bytes.AsSpan(0, length);
            var nul = content.IndexOf((byte)0);
            if (nul >= 0)
            {
                diagnostics.Add(Diagnostic.Error(
                    at ?? PositionOf(content, nul, displayPath), "binary-file", "this is a binary file, not UTF-8 text (it contains a NUL byte)", "claims and source texts must be UTF-8 text"));
                return null;
            }

            var start = content.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            // UTF-16 never needs more characters than UTF-8 has bytes.
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, length - start));
            var status = Utf8.ToUtf16(content[start..], chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                ArrayPool<char>.Shared.Return(chars);
                diagnostics.Add(Diagnostic.Error(
                    at ?? PositionOf(content, start + read, displayPath),
                    "invalid-utf8",
                    "the file is not valid UTF-8",
                    "save it as UTF-8"));
                return null;
            }

            return new PooledText(chars, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Line and column (in characters) of a byte offset, for errors in files that did not decode.</summary>
    private static Location PositionOf(ReadOnlySpan<byte> bytes, int offset, string displayPath)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new Location(displayPath, line, column);
    }
}
