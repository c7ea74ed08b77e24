using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>Reads an input file as UTF-8 text, refusing binary, oversized and mis-encoded files with a positioned error.</summary>
public static class InputText
{
    /// <summary>A claims file or source text larger than this is not something an editor wrote.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="displayPath">The path errors name.</param>
    /// <param name="at">Where a problem is reported; the file's own start when null.</param>
    public static string? Read(string fullPath, string displayPath, ICollection<Diagnostic> diagnostics, Location? at = null)
    {
        var where = at ?? new Location(displayPath, 1, 1);
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxBytes)
            {
                diagnostics.Add(Diagnostic.Error(
                    where, "file-too-large", $"'{info.Name}' is {info.Length / (1024 * 1024)} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB", "split it into several files"));
                return null;
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(where, "unreadable", $"cannot read '{fullPath}': {ex.Message}"));
            return null;
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Diagnostic.Error(
                at ?? PositionOf(bytes, nul, displayPath), "binary-file", "this is a binary file, not UTF-8 text (it contains a NUL byte)", "claims and source texts must be UTF-8 text"));
            return null;
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            diagnostics.Add(Diagnostic.Error(
                at ?? PositionOf(bytes, FirstInvalidByte(bytes, start) ?? offset, displayPath),
                "invalid-utf8",
                "the file is not valid UTF-8",
                "save it as UTF-8"));
            return null;
        }
    }

    private static int? FirstInvalidByte(byte[] bytes, int start)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(start), new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? null : start + read;
    }

    /// <summary>Line and column (in characters) of a byte offset, for errors in files that did not decode.</summary>
    private static Location PositionOf(byte[] bytes, int offset, string displayPath)
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
