using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FactCheck.Drafting.Recorded;

namespace FactCheck.Drafting.Matching;

/// <summary>
/// The word-pair index of a set of recorded claims, kept on disk between runs so that <c>draft</c> on unchanged claims
/// reads it instead of building it (about 1 s of CPU for 100,000 claims). A file is named by a SHA-256 of everything the
/// index is built from — every claim's statement and quotes in load order, the stored source texts — and of this
/// assembly's build, so an edit anywhere, or a new version of the drafter, makes a new file. Files are read defensively:
/// a truncated, corrupt or foreign file is deleted and the index rebuilt. At most <see cref="MaxFiles"/> are kept.
/// </summary>
internal sealed class IndexCache(string folder, int minClaims = IndexCache.DefaultMinClaims)
{
    /// <summary>Below this many claims the index builds in well under a tenth of a second: no file is written.</summary>
    public const int DefaultMinClaims = 10_000;

    public const int MaxFiles = 4;

    private const int Magic = 0x49444346; // "FCDI"
    private const int Version = 1;
    private const int EntryBytes = 4 + 1 + 4 + 4 + 4;

    public string Folder { get; } = folder;

    /// <summary>What the last <see cref="Get"/> did: "built", "read", "built (cache file unreadable: ...)".</summary>
    public string? LastOutcome { get; private set; }

    public ClaimIndex Get(ClaimsView set)
    {
        if (set.Count < minClaims)
        {
            LastOutcome = "built (too few claims to cache)";
            return ClaimIndex.Build(set);
        }

        var key = Key(set);
        var path = Path.Combine(Folder, Convert.ToHexString(key, 0, 16).ToLowerInvariant() + ".idx");
        string? problem = null;
        if (File.Exists(path))
        {
            try
            {
                if (Read(path, key, set, out problem) is { } cached)
                {
                    Touch(path);
                    LastOutcome = "read";
                    return cached;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = e.Message;
            }

            TryDelete(path);
        }

        var index = ClaimIndex.Build(set);
        var written = Write(path, key, index);
        LastOutcome = "built" + (problem is null ? "" : $" (cache file unreadable: {problem})") + (written ? "" : " (cache not writable)");
        return index;
    }

    /// <summary>A SHA-256 of the inputs the index depends on, in the order the index numbers them.</summary>
    internal static byte[] Key(ClaimsView set)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[4];
        void Int(int value)
        {
            BitConverter.TryWriteBytes(number, value);
            hash.AppendData(number);
        }

        void Str(string s)
        {
            Int(s.Length);
            hash.AppendData(MemoryMarshal.AsBytes(s.AsSpan()));
        }

        Int(Version);
        hash.AppendData(typeof(IndexCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        Int(set.Count);
        for (var c = 0; c < set.Count; c++)
        {
            Str(set.Statement(c));
            Int(set.AppearanceCount(c));
            for (var a = 0; a < set.AppearanceCount(c); a++)
            {
                Str(set.AppearanceSource(c, a));
                Str(set.Quote(c, a));
            }
        }

        var texts = set.SourceTexts().ToList();
        Int(texts.Count);
        foreach (var (id, text) in texts)
        {
            Str(id);
            Str(text);
        }

        return hash.GetHashAndReset();
    }

    private bool Write(string path, byte[] key, ClaimIndex index)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            var body = new MemoryStream();
            using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(Version);
                w.Write(key);
                w.Write(index.Claims.Count);
                w.Write(index.EntryCount);
                foreach (var e in index.Entries)
                {
                    w.Write(e.Claim);
                    w.Write((byte)e.Kind);
                    w.Write(e.Appearance);
                    w.Write(e.Start);
                    w.Write(e.Length);
                }

                var (keys, starts, postings) = index.Postings();
                w.Write(keys.Length);
                w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
                w.Write(starts.Length);
                w.Write(MemoryMarshal.AsBytes(starts.AsSpan()));
                w.Write(postings.Length);
                w.Write(MemoryMarshal.AsBytes(postings.AsSpan()));
            }

            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(bytes);
                stream.Write(BitConverter.GetBytes(Checksum(bytes)));
            }

            File.Move(temp, path, overwrite: true);
            Prune();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return false;
        }
    }

    /// <summary>The index in <paramref name="path"/> if it is whole and built from exactly this set; null (with why) if not.</summary>
    internal static ClaimIndex? Read(string path, byte[] key, ClaimsView set, out string? problem)
    {
        var file = File.ReadAllBytes(path);
        problem = null;
        if (file.Length < 8 || BitConverter.ToUInt64(file, file.Length - 8) != Checksum(file.AsSpan(0, file.Length - 8))) return Fail("checksum differs (truncated or damaged)", out problem);
        var bytes = file[..^8];
        var r = new Reader(bytes);
        if (!r.Int(out var magic) || magic != Magic || !r.Int(out var version) || version != Version) return Fail("not an index file of this version", out problem);
        if (!r.Bytes(key.Length, out var stored) || !stored.SequenceEqual(key)) return Fail("built from other claims", out problem);
        if (!r.Int(out var claimCount) || claimCount != set.Count) return Fail("claim count differs", out problem);
        if (!r.Int(out var entryCount) || entryCount < 0 || (long)entryCount * EntryBytes > r.Remaining) return Fail("truncated entries", out problem);

        var entries = new List<ClaimIndex.Entry>(entryCount);
        for (var i = 0; i < entryCount; i++)
        {
            r.Int(out var claim);
            r.Byte(out var kindByte);
            r.Int(out var appearance);
            r.Int(out var start);
            r.Int(out var length);
            if ((uint)claim >= (uint)set.Count || kindByte > (byte)ClaimIndex.EntryKind.Context) return Fail($"entry {i} is out of range", out problem);
            var kind = (ClaimIndex.EntryKind)kindByte;
            if (kind == ClaimIndex.EntryKind.Statement)
            {
                if (appearance != -1 || start != -1) return Fail($"entry {i} is out of range", out problem);
                entries.Add(new ClaimIndex.Entry(claim, kind, -1, -1, 0, set));
                continue;
            }

            if ((uint)appearance >= (uint)set.AppearanceCount(claim)) return Fail($"entry {i} is out of range", out problem);
            if (kind == ClaimIndex.EntryKind.Quote)
            {
                if (start != -1) return Fail($"entry {i} is out of range", out problem);
                entries.Add(new ClaimIndex.Entry(claim, kind, appearance, -1, 0, set));
                continue;
            }

            if (set.SourceText(set.AppearanceSource(claim, appearance)) is not { } text || start < 0 || length <= 0 || (long)start + length > text.Length)
            {
                return Fail($"entry {i} is out of range", out problem);
            }

            entries.Add(new ClaimIndex.Entry(claim, kind, appearance, start, length, set));
        }

        if (!r.Longs(out var keys) || !r.Ints(out var starts) || !r.Ints(out var postings) || r.Remaining != 0) return Fail("truncated postings", out problem);
        if (starts.Length != keys.Length + 1 || starts[0] != 0 || starts[^1] != postings.Length) return Fail("postings do not add up", out problem);
        for (var i = 0; i < keys.Length; i++)
        {
            if ((i > 0 && keys[i] <= keys[i - 1]) || starts[i + 1] <= starts[i]) return Fail("postings out of order", out problem);
        }

        foreach (var id in postings)
        {
            if ((uint)id >= (uint)entryCount) return Fail("posting out of range", out problem);
        }

        return ClaimIndex.FromParts(set, entries, keys, starts, postings);
    }

    /// <summary>
    /// A 64-bit checksum of the file's bytes, eight at a time (a damaged byte anywhere changes it; not a defence against
    /// someone forging a file in the user's own cache folder, which the bounds checks still keep from crashing a run).
    /// </summary>
    internal static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var w in words) h = (h ^ w) * 0xFF51AFD7ED558CCDUL + 0xC4CEB9FE1A85EC53UL;
        for (var i = words.Length * 8; i < bytes.Length; i++) h = (h ^ bytes[i]) * 0xFF51AFD7ED558CCDUL;
        return h ^ (h >> 33);
    }

    private static ClaimIndex? Fail(string why, out string? problem)
    {
        problem = why;
        return null;
    }

    private void Prune()
    {
        var files = new DirectoryInfo(Folder).GetFiles("*.idx").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var old in files.Skip(MaxFiles)) TryDelete(old.FullName);

        // Temporary files of a writer that died: older than an hour.
        foreach (var temp in new DirectoryInfo(Folder).GetFiles("*.tmp").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))) TryDelete(temp.FullName);
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the pruning order suffers.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process holds it or the folder is read-only; the next run tries again.
        }
    }

    /// <summary>Bounds-checked little-endian reads over the file's bytes.</summary>
    private ref struct Reader(byte[] bytes)
    {
        private readonly byte[] _bytes = bytes;
        private int _at;

        public readonly long Remaining => _bytes.Length - _at;

        public bool Int(out int value)
        {
            value = 0;
            if (Remaining < 4) return false;
            value = BitConverter.ToInt32(_bytes, _at);
            _at += 4;
            return true;
        }

        public bool Byte(out byte value)
        {
            value = 0;
            if (Remaining < 1) return false;
            value = _bytes[_at++];
            return true;
        }

        public bool Bytes(int count, out byte[] value)
        {
            value = [];
            if (Remaining < count) return false;
            value = _bytes.AsSpan(_at, count).ToArray();
            _at += count;
            return true;
        }

        public bool Longs(out long[] value)
        {
            value = [];
            if (!Int(out var n) || n < 0 || (long)n * 8 > Remaining) return false;
            value = MemoryMarshal.Cast<byte, long>(_bytes.AsSpan(_at, n * 8)).ToArray();
            _at += n * 8;
            return true;
        }

        public bool Ints(out int[] value)
        {
            value = [];
            if (!Int(out var n) || n < 0 || (long)n * 4 > Remaining) return false;
            value = MemoryMarshal.Cast<byte, int>(_bytes.AsSpan(_at, n * 4)).ToArray();
            _at += n * 4;
            return true;
        }
    }
}
