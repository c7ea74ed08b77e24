using System.Security.Cryptography;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Caching;

/// <summary>
/// Everything binding learns from the file system about one source text (<c>text:</c>): whether the scope refuses the
/// path and why, where its links lead, what it is, and its bytes' length and SHA-256. A cached file is used only
/// while each of its texts still probes the same.
/// </summary>
/// <param name="Path">The full path binding asked for (before links are resolved).</param>
/// <param name="Length">The file's length, or -1 when it is not an ordinary file or is refused.</param>
internal sealed record SourceTextState(string Path, string? Refused, string Real, FileKind Kind, long Length, byte[] Hash)
{
    public static SourceTextState Probe(string path, InputScope scope)
    {
        var refused = scope.Check(path, out var real);
        if (refused is not null) return new SourceTextState(path, refused, real, FileKind.Missing, -1, []);
        var kind = FileKinds.Of(real);
        if (kind != FileKind.Regular) return new SourceTextState(path, null, real, kind, -1, []);
        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.Length;

            // Past the limit only the length matters (the error names it in MiB); reading on would cost time for nothing.
            var hash = length > InputText.MaxBytes ? [] : SHA256.HashData(stream);
            return new SourceTextState(path, null, real, kind, length, hash);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: binding reported it; a probe that cannot read it either says so by an empty hash and no length.
            return new SourceTextState(path, null, real, kind, -2, []);
        }
    }

    public bool Same(SourceTextState other) =>
        Path == other.Path && Refused == other.Refused && Real == other.Real && Kind == other.Kind && Length == other.Length
        && Hash.AsSpan().SequenceEqual(other.Hash);
}
