using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Caching;

/// <summary>
/// A folder of claims files already read, parsed and bound, one entry per file, keyed by a SHA-256 of the file's
/// bytes together with everything else that shapes the result (this build of the loader and of YamlDotNet, the path
/// errors name, the real path, the folder source texts may come from). A run then reads and parses only the files
/// that changed; the others come back exactly as binding made them, positions and problems included.
/// </summary>
/// <remarks>
/// An entry is trusted only after its header, key and SHA-256 digest match and every value decodes within bounds;
/// anything else (truncated, corrupt, another version, planted) is a miss and is rebuilt. Entries are written to a
/// temporary file and renamed into place, so two runs sharing the folder never see half an entry. The folder is
/// kept under <see cref="MaxBytes"/> by deleting the entries used least recently. Nothing is written outside it.
/// </remarks>
public sealed class ParsedFileCache
{
    /// <summary>The bound the folder is kept under when none is given: 1 GiB, some twenty corpora of 100,000 claims.</summary>
    public const long DefaultMaxBytes = 1024L * 1024 * 1024;

    /// <summary>Bumped whenever <see cref="EntryWriter"/>'s layout changes (the build's identity is in the key as well).</summary>
    internal const int FormatVersion = 1;

    internal const string Extension = ".fcc";

    /// <summary>An entry past this is not stored (a file's sources may embed texts of up to 16 MiB each).</summary>
    internal const int MaxEntryBytes = 64 * 1024 * 1024;

    private const int HeaderBytes = 8 + 4 + 32 + 4 + 32;

    /// <summary>
    /// Files written this close before the run began (or later) are not stored: the file system's clock is coarse, so
    /// a text saved while it was being bound could look older than the run.
    /// </summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private static readonly byte[] Magic = "FCCLAIMS"u8.ToArray();

    /// <summary>What the key mixes in besides the file: the format and the exact builds that parse and bind.</summary>
    private static readonly byte[] BuildSalt = SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{FormatVersion}|{typeof(ParsedFileCache).Assembly.ManifestModule.ModuleVersionId}|{typeof(YamlDotNet.Core.Scanner).Assembly.ManifestModule.ModuleVersionId}"));

    private ParsedFileCache(string directory, long maxBytes)
    {
        Directory = directory;
        MaxBytes = maxBytes;
    }

    /// <summary>The folder the entries are kept in.</summary>
    public string Directory { get; }

    /// <summary>The size the folder is kept under.</summary>
    public long MaxBytes { get; }

    /// <summary>What the last load through this cache found, for timings and tests.</summary>
    public CacheStatistics? LastLoad { get; private set; }

    /// <summary>
    /// The cache in <paramref name="directory"/>, created when missing (readable by its owner only). Null when the
    /// folder cannot be created: the run then reads every file, as it would without a cache.
    /// </summary>
    public static ParsedFileCache? Open(string directory, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(full);
            else System.IO.Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return FileKinds.Of(full) == FileKind.Directory ? new ParsedFileCache(full, Math.Max(0, maxBytes)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The user's cache: <c>FACTCHECK_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/factcheck/claims</c>, else
    /// <c>~/.cache/factcheck/claims</c> (the local application data folder on Windows); null when
    /// <c>FACTCHECK_CACHE=0</c> or no such folder can be made. <c>FACTCHECK_CACHE_MAX_MB</c> bounds its size.
    /// </summary>
    public static ParsedFileCache? OpenDefault()
    {
        if (Environment.GetEnvironmentVariable("FACTCHECK_CACHE") is "0" or "false" or "off") return null;
        var max = long.TryParse(Environment.GetEnvironmentVariable("FACTCHECK_CACHE_MAX_MB"), out var mb) && mb >= 0 ? mb * 1024 * 1024 : DefaultMaxBytes;
        if (Environment.GetEnvironmentVariable("FACTCHECK_CACHE_DIR") is { Length: > 0 } given) return Open(given, max);
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        }

        return string.IsNullOrEmpty(root) ? null : Open(Path.Combine(root, "factcheck", "claims"), max);
    }

    /// <summary>
    /// The hook in <see cref="ClaimsLoader"/>: looks every file up, has <paramref name="parse"/> read and bind only the
    /// misses, and stores what it made.
    /// </summary>
    internal ClaimsLoader.FileResult[] ReadAndBind(
        List<(string Full, string Display, InputScope Scope)> files,
        Func<List<(string Full, string Display, InputScope Scope)>, ClaimsLoader.FileResult[]> parse)
    {
        using var timer = new PhaseTimer();
        var started = DateTime.UtcNow;
        var results = new ClaimsLoader.FileResult?[files.Count];
        var keys = new byte[]?[files.Count];
        var contents = new byte[]?[files.Count];
        var stamps = new (long, DateTime)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (full, display, scope) = files[i];
            stamps[i] = Stamp(full);
            if (ContentHash(full) is not { } content) return;
            contents[i] = content;
            keys[i] = Key(content, full, display, scope);
            if (Lookup(keys[i]!, scope) is { } cached) results[i] = ToResult(cached, files[i]);
        });
        var misses = Enumerable.Range(0, files.Count).Where(i => results[i] is null).ToList();
        timer.Mark($"look up {files.Count} files in the cache ({files.Count - misses.Count} found)");

        if (misses.Count > 0)
        {
            var parsed = parse(misses.Select(i => files[i]).ToList());
            for (var j = 0; j < misses.Count; j++) results[misses[j]] = parsed[j];
            timer.Mark($"read, parse and bind {misses.Count} files");
        }

        // On both cores: encoding 100,000 claims is a few hundred milliseconds of work.
        var stored = 0;
        Parallel.ForEach(misses, i =>
        {
            if (keys[i] is { } key && Store(key, contents[i]!, stamps[i], files[i], results[i]!, started)) Interlocked.Increment(ref stored);
        });

        if (stored > 0)
        {
            Evict(keys.OfType<byte[]>().Select(EntryName).ToHashSet(StringComparer.Ordinal));
            timer.Mark($"store {stored} files in the cache");
        }

        LastLoad = new CacheStatistics(files.Count, files.Count - misses.Count, stored);
        return results!;
    }

    /// <summary>The SHA-256 of a claims file's bytes; null when it cannot be read or is past the size limit (the parser reports those).</summary>
    internal static byte[]? ContentHash(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return stream.Length > InputText.MaxBytes ? null : SHA256.HashData(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Length and time written, to tell cheaply that a file did not change while it was parsed (or since a fingerprint).</summary>
    internal static (long Length, DateTime Written) Stamp(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (-1, default);
        }
    }

    private static byte[] Key(byte[] content, string full, string display, InputScope scope)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BuildSalt);
        hash.AppendData(content);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in (ReadOnlySpan<string>)[full, display, scope.Root])
        {
            // Length-prefixed, so no two different triples hash the same bytes.
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return hash.GetHashAndReset();
    }

    private static string EntryName(byte[] key) => Convert.ToHexStringLower(key) + Extension;

    /// <summary>The entry for <paramref name="key"/> when it is whole, this version's, and its source texts are as they were.</summary>
    private CachedFile? Lookup(byte[] key, InputScope scope)
    {
        var path = Path.Combine(Directory, EntryName(key));
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length is < HeaderBytes or > HeaderBytes + MaxEntryBytes) return null;
            if (FileKinds.Of(path) != FileKind.Regular) return null;
            var bytes = ReadAtMost(path, HeaderBytes + MaxEntryBytes);
            if (Decode(bytes, key) is not { } cached) return null;
            foreach (var dependency in cached.Dependencies)
            {
                if (!SourceTextState.Probe(dependency.Path, scope).Same(dependency)) return null;
            }

            // Used now: eviction goes by the time written, refreshed at most daily so that a warm run writes nothing.
            var now = DateTime.UtcNow;
            if (now - info.LastWriteTimeUtc > TimeSpan.FromDays(1)) File.SetLastWriteTimeUtc(path, now);
            return cached;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The entry's content when the bytes are a whole entry of this format for this key; null otherwise.</summary>
    internal static CachedFile? Decode(byte[] bytes, byte[] key)
    {
        if (bytes.Length < HeaderBytes) return null;
        var span = bytes.AsSpan();
        if (!span[..8].SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(span[8..]) != FormatVersion) return null;
        if (!span.Slice(12, 32).SequenceEqual(key)) return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[44..]);
        if (length != bytes.Length - HeaderBytes) return null;
        var payload = span[HeaderBytes..];
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(span.Slice(48, 32))) return null;
        return EntryReader.Read(bytes, HeaderBytes, length);
    }

    internal static byte[] Encode(CachedFile file, byte[] key)
    {
        var payload = EntryWriter.Payload(file);
        var bytes = new byte[HeaderBytes + payload.Length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], FormatVersion);
        key.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[44..], payload.Length);
        SHA256.HashData(payload, span.Slice(48, 32));
        payload.CopyTo(span[HeaderBytes..]);
        return bytes;
    }

    private static byte[] ReadAtMost(string path, int max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > max) throw new InvalidDataException("cache entry too large");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static ClaimsLoader.FileResult ToResult(CachedFile cached, (string Full, string Display, InputScope Scope) file)
    {
        var diagnostics = new List<Diagnostic>(cached.Diagnostics);
        var binder = new ClaimFileBinder(file.Display, file.Full, diagnostics, file.Scope) { Stopped = cached.Stopped };
        binder.Sources.AddRange(cached.Sources);
        binder.Propositions.AddRange(cached.Propositions);
        binder.Claims.AddRange(cached.Claims);
        return new ClaimsLoader.FileResult(binder, diagnostics);
    }

    /// <summary>
    /// Writes the entry unless the file or one of its texts changed during the run (the result may then mix two
    /// versions). The file is unchanged when its length and time written are as they were before it was hashed and
    /// that time is older than the run (saves then show in it); otherwise its bytes are hashed again. The texts'
    /// times written are compared with the run's start.
    /// </summary>
    private bool Store(
        byte[] key, byte[] content, (long, DateTime) stamp, (string Full, string Display, InputScope Scope) file, ClaimsLoader.FileResult result, DateTime started)
    {
        string? temporary = null;
        try
        {
            var settled = stamp.Item1 >= 0 && Stamp(file.Full) == stamp && stamp.Item2 < started - SettleTime;
            if (!settled && (ContentHash(file.Full) is not { } after || !after.AsSpan().SequenceEqual(content))) return false;
            var dependencies = new List<SourceTextState>();
            foreach (var path in result.Binder.SourceTextPaths.Distinct(StringComparer.Ordinal))
            {
                var state = SourceTextState.Probe(path, file.Scope);
                if (state.Length >= 0 && File.GetLastWriteTimeUtc(state.Real) > started - SettleTime) return false;
                dependencies.Add(state);
            }

            var binder = result.Binder;
            var entry = new CachedFile(dependencies, binder.Stopped, binder.Sources, binder.Propositions, binder.Claims, result.Diagnostics);
            var bytes = Encode(entry, key);
            if (bytes.Length > HeaderBytes + MaxEntryBytes) return false;
            var name = EntryName(key);
            temporary = Path.Combine(Directory, $"{name}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
            }

            File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
            temporary = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only means the next run parses this file again.
            return false;
        }
        finally
        {
            if (temporary is not null) TryDelete(temporary);
        }
    }

    /// <summary>
    /// Deletes the entries used least recently until the folder is under <see cref="MaxBytes"/>, never one this run
    /// used, and temporary files a run that died left behind (an hour old: a live run renames its own in milliseconds).
    /// Only this cache's own files are touched.
    /// </summary>
    private void Evict(HashSet<string> inUse)
    {
        try
        {
            var entries = new List<FileInfo>();
            long total = 0;
            foreach (var info in new DirectoryInfo(Directory).EnumerateFiles())
            {
                if (info.Name.EndsWith(".tmp", StringComparison.Ordinal) && info.Name.Contains(Extension + ".", StringComparison.Ordinal))
                {
                    if (DateTime.UtcNow - info.LastWriteTimeUtc > TimeSpan.FromHours(1)) TryDelete(info.FullName);
                    continue;
                }

                if (!info.Name.EndsWith(Extension, StringComparison.Ordinal)) continue;
                entries.Add(info);
                total += info.Length;
            }

            if (total <= MaxBytes) return;
            foreach (var info in entries.OrderBy(e => e.LastWriteTimeUtc))
            {
                if (total <= MaxBytes) break;
                if (inUse.Contains(info.Name)) continue;
                if (TryDelete(info.FullName)) total -= info.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another run may be evicting too; the next store tries again.
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
