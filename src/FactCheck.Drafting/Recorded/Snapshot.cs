using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Claims.Caching;
using FactCheck.Claims.Dates;
using FactCheck.Claims.Diagnostics;
using FactCheck.Drafting.Matching;

namespace FactCheck.Drafting.Recorded;

/// <summary>
/// What drafting needs of a claims folder, kept on disk so that <c>draft</c> on unchanged claims never loads them: the
/// recorded printings and the little else a draft reads (ids, claimants, files and lines, stance keys, the sources'
/// dates, outlets and texts, the propositions' words) with the word-pair index over them. A file stands for one set
/// of claims paths read from one folder, and holds the <see cref="ClaimsFingerprint"/> digest of the files it was made
/// from: it is used only while the digest of the files as they are now is the same, so any edit, a new file, a
/// changed source text or a new build of the loader or the drafter falls back to loading the claims (and writes a
/// new snapshot). Written only from a load without errors (a load with errors prints them).
/// </summary>
internal static class Snapshot
{
    public const string Extension = ".snap";

    public const int MaxFiles = 4;

    private const int Magic = 0x53444346; // "FCDS"
    private const int Version = 1;
    private const int EntryInts = ClaimIndex.EntryColumns;

    /// <summary>Mixed into the digest: this format and this build of the drafter (the loader's build is in the fingerprint's).</summary>
    private static readonly byte[] Salt = SHA256.HashData(Encoding.UTF8.GetBytes($"snapshot|{Version}|{typeof(Snapshot).Assembly.ManifestModule.ModuleVersionId}"));

    /// <summary>The file for these claims paths read from <paramref name="baseDirectory"/>.</summary>
    public static string PathFor(string folder, IEnumerable<string> paths, string baseDirectory)
    {
        var name = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', paths.Prepend(Path.GetFullPath(baseDirectory)))));
        return Path.Combine(folder, Convert.ToHexStringLower(name, 0, 16) + Extension);
    }

    /// <summary>
    /// Writes the snapshot of <paramref name="claims"/> (as just loaded) and <paramref name="index"/>; null, or why it was not written.
    /// Written straight to the file, the strings last: a snapshot of 100,000 claims built in memory first took 0.8 s of CPU,
    /// mostly collecting the large buffers it grew while the loaded claims filled the heap.
    /// </summary>
    public static string? Write(string path, ClaimsFingerprint fingerprint, IReadOnlyList<string> sourceTexts, ClaimsView claims, ClaimIndex index)
    {
        using var timer = new PhaseTimer();
        if (fingerprint.Digest(sourceTexts, Salt) is not { } digest) return "a source text could not be probed";
        var strings = new StringNumbers(claims.Count * 3);
        int S(string? s) => strings.Number(s);

        var (appearanceCount, stanceCount) = (0, 0);
        for (var c = 0; c < claims.Count; c++)
        {
            appearanceCount += claims.Claim(c).Appearances.Count;
            stanceCount += claims.Claim(c).Stances.Count;
        }

        var claimInts = new int[claims.Count * SnapshotClaims.ClaimInts];
        var appearanceInts = new int[appearanceCount * SnapshotClaims.AppearanceInts];
        var stanceInts = new int[stanceCount];
        var idStrings = new int[claims.Count];
        var (a0, s0) = (0, 0);
        for (var c = 0; c < claims.Count; c++)
        {
            var r = claims.Claim(c);
            var at = c * SnapshotClaims.ClaimInts;
            claimInts[at] = idStrings[c] = strings.Unique(r.Id);
            claimInts[at + 1] = strings.Unique(claims.Statement(c));
            claimInts[at + 2] = S(r.ClaimantName);
            claimInts[at + 3] = (int)r.ClaimantKind;
            claimInts[at + 4] = S(r.ClaimantRole);
            claimInts[at + 5] = S(r.File);
            claimInts[at + 6] = r.Line;
            claimInts[at + 7] = a0;
            claimInts[at + 8] = r.Appearances.Count;
            claimInts[at + 9] = s0;
            claimInts[at + 10] = r.Stances.Count;
            foreach (var a in r.Appearances)
            {
                appearanceInts[a0 * SnapshotClaims.AppearanceInts] = S(a.Source);
                appearanceInts[(a0 * SnapshotClaims.AppearanceInts) + 1] = S(a.Quote);
                a0++;
            }

            foreach (var stance in r.Stances) stanceInts[s0++] = S(stance);
        }

        timer.Mark($"number the strings of {claims.Count} claims");
        var sourceInts = new List<int>();
        foreach (var s in claims.Sources())
        {
            // Dates are kept in their canonical form; one that does not read back as itself is not snapshotted.
            if (s.Published is { } p && (!PartialDate.TryParse(p.ToString(), out var back, out _) || back != p)) return $"the date of source '{s.Id}' does not read back as itself";
            sourceInts.AddRange([S(s.Id), S(s.Published?.ToString()), S(s.Outlet), S(s.Wire), S(s.Text)]);
        }

        var textInts = new List<int>();
        foreach (var (id, text) in claims.SourceTexts()) textInts.AddRange([S(id), S(text), text.Length]);
        var propositions = claims.Propositions().ToList();
        var propositionInts = new int[propositions.Count * SnapshotClaims.PropositionInts];
        for (var i = 0; i < propositions.Count; i++)
        {
            propositionInts[i * SnapshotClaims.PropositionInts] = S(propositions[i].Key);
            propositionInts[(i * SnapshotClaims.PropositionInts) + 1] = S(propositions[i].Description);
        }

        var ids = HashedStrings.OfRows(idStrings.Length, i => claims.Claim(i).Id, i => idStrings[i], i => [i]);
        var lists = PropositionFinder.Lists(propositions).ToList();
        var words = HashedStrings.OfRows(lists.Count, i => lists[i].Key, i => S(lists[i].Key), i => lists[i].Value);
        var entryInts = new int[index.EntryCount * EntryInts];
        var e0 = 0;
        foreach (var e in index.Entries)
        {
            (entryInts[e0], entryInts[e0 + 1], entryInts[e0 + 2], entryInts[e0 + 3], entryInts[e0 + 4]) = (e.Claim, (int)e.Kind, e.Appearance, e.Start, e.Length);
            e0 += EntryInts;
        }

        var (keys, starts, postings) = index.Postings();
        if (!strings.Seal()) return "a string is not valid UTF-16";
        timer.Mark("tables");

        var folder = Path.GetDirectoryName(path)!;
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                var summed = new ChecksumStream(file);
                using (var w = new BinaryWriter(new BufferedStream(summed, 1 << 20), Encoding.UTF8, leaveOpen: false))
                {
                    w.Write(Magic);
                    w.Write(Version);
                    w.Write(sourceTexts.Count);
                    foreach (var t in sourceTexts) w.Write(t);
                    w.Write(digest);
                    foreach (var ints in (int[][])[claimInts, appearanceInts, stanceInts, [.. sourceInts], [.. textInts], propositionInts, entryInts]) Ints(w, ints);
                    foreach (var table in (HashedStrings[])[ids, words])
                    {
                        Longs(w, table.Hashes);
                        Ints(w, table.Strings);
                        Ints(w, table.Starts);
                        Ints(w, table.Values);
                    }

                    Longs(w, keys);
                    Ints(w, starts);
                    Ints(w, postings);
                    strings.Write(w);
                    w.Flush();
                    file.Write(BitConverter.GetBytes(summed.Checksum.Value));
                }
            }

            File.Move(temp, path, overwrite: true);
            Prune(folder);
            timer.Mark("write");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return "the cache folder is not writable";
        }

        static void Ints(BinaryWriter w, int[] ints)
        {
            w.Write(ints.Length);
            w.Write(MemoryMarshal.AsBytes(ints.AsSpan()));
        }

        static void Longs<T>(BinaryWriter w, T[] longs)
            where T : unmanaged
        {
            w.Write(longs.Length);
            w.Write(MemoryMarshal.AsBytes(longs.AsSpan()));
        }
    }

    /// <summary>
    /// The recorded claims and their index from <paramref name="path"/>, if it is whole, of this build, and made from
    /// files that are exactly as <paramref name="fingerprint"/> found them; null (with why) if not. The head (the digest)
    /// is read first, and after an edit nothing more; each table is then read straight into its array, and the strings'
    /// bytes into one, the checksum taken as they pass (a copy of the whole file first cost 41 MB and a collection).
    /// </summary>
    public static (SnapshotClaims Claims, ClaimIndex Index)? Read(string path, ClaimsFingerprint fingerprint, out string? problem)
    {
        problem = null;
        using var timer = new PhaseTimer();
        try
        {
            if (!File.Exists(path)) return Fail("no snapshot", out problem);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.SequentialScan);
            var r = new TableReader(stream);
            if (!r.Int(out var magic) || magic != Magic || !r.Int(out var version) || version != Version) return Fail("not a snapshot of this version", out problem);
            if (!r.Int(out var textCount) || textCount < 0 || textCount > r.Remaining) return Fail("truncated", out problem);
            var sourceTexts = new string[textCount];
            for (var i = 0; i < textCount; i++)
            {
                if (!r.String(out sourceTexts[i])) return Fail("truncated", out problem);
            }

            if (!r.Bytes(32, out var stored)) return Fail("truncated", out problem);
            if (fingerprint.Digest(sourceTexts, Salt) is not { } digest || !digest.AsSpan().SequenceEqual(stored)) return Fail("the claims changed", out problem);
            timer.Mark("digest");

            if (!r.Ints(out var claims) || !r.Ints(out var appearances) || !r.Ints(out var stances) || !r.Ints(out var sources) || !r.Ints(out var textRows)
                || !r.Ints(out var propositions) || !r.Ints(out var entryInts) || !r.Table(out var ids) || !r.Table(out var words) || !r.Longs(out var keys)
                || !r.Ints(out var starts) || !r.Ints(out var postings) || !r.Ints(out var offsets) || !r.Int(out var blobLength) || blobLength < 0
                || !r.Bytes(blobLength, out var blob) || r.Remaining != 0)
            {
                return Fail("truncated", out problem);
            }

            timer.Mark($"read {stream.Length / 1048576.0:F1} MiB");
            if (!r.ChecksumHolds()) return Fail("checksum differs (truncated or damaged)", out problem);
            if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != blobLength) return Fail("strings out of range", out problem);
            for (var i = 1; i < offsets.Length; i++)
            {
                if (offsets[i] < offsets[i - 1]) return Fail("strings out of range", out problem);
            }

            if (Check(offsets.Length - 1, claims, appearances, stances, sources, textRows, propositions, entryInts, keys, starts, postings) is { } wrong) return Fail(wrong, out problem);
            if (!ids.InRange(offsets.Length - 1, claims.Length / SnapshotClaims.ClaimInts) || !words.InRange(offsets.Length - 1, propositions.Length / SnapshotClaims.PropositionInts))
            {
                return Fail("lookup tables out of range", out problem);
            }

            timer.Mark("bounds");
            var view = new SnapshotClaims(blob, 0, offsets, claims, appearances, stances, sources, textRows, propositions, ids, words);
            return (view, ClaimIndex.FromTable(view, entryInts, keys, starts, postings));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message, out problem);
        }
    }

    /// <summary>Every number in range, so that a damaged or planted file cannot make a run read past an array; null when all are.</summary>
    private static string? Check(
        int stringCount, int[] claims, int[] appearances, int[] stances, int[] sources, int[] texts, int[] propositions, int[] entries, long[] keys, int[] starts, int[] postings)
    {
        bool Str(int s, bool nullable = false) => (uint)s < (uint)stringCount || (nullable && s == -1);
        if (claims.Length % SnapshotClaims.ClaimInts != 0 || appearances.Length % SnapshotClaims.AppearanceInts != 0 || sources.Length % SnapshotClaims.SourceInts != 0
            || texts.Length % SnapshotClaims.TextInts != 0 || propositions.Length % SnapshotClaims.PropositionInts != 0 || entries.Length % EntryInts != 0)
        {
            return "tables out of shape";
        }

        var appearanceCount = appearances.Length / SnapshotClaims.AppearanceInts;
        for (var at = 0; at < claims.Length; at += SnapshotClaims.ClaimInts)
        {
            if (!Str(claims[at]) || !Str(claims[at + 1]) || !Str(claims[at + 2]) || !Enum.IsDefined((Claims.Model.ClaimantKind)claims[at + 3]) || !Str(claims[at + 4], true)
                || !Str(claims[at + 5]) || claims[at + 7] < 0 || claims[at + 8] < 0 || (long)claims[at + 7] + claims[at + 8] > appearanceCount
                || claims[at + 9] < 0 || claims[at + 10] < 0 || (long)claims[at + 9] + claims[at + 10] > stances.Length)
            {
                return "claims out of range";
            }
        }

        if (!appearances.All(s => Str(s)) || !stances.All(s => Str(s)) || !propositions.All(s => Str(s))) return "strings out of range";
        for (var at = 0; at < sources.Length; at += SnapshotClaims.SourceInts)
        {
            if (!Str(sources[at]) || !Str(sources[at + 1], true) || !Str(sources[at + 2], true) || !Str(sources[at + 3], true) || !Str(sources[at + 4], true)) return "sources out of range";
        }

        // A sentence of a stored text is found through its source's id, the same string number as the appearance's source.
        var textLength = new Dictionary<int, int>();
        for (var at = 0; at < texts.Length; at += SnapshotClaims.TextInts)
        {
            if (!Str(texts[at]) || !Str(texts[at + 1]) || texts[at + 2] < 0) return "texts out of range";
            textLength.TryAdd(texts[at], texts[at + 2]);
        }

        var claimCount = claims.Length / SnapshotClaims.ClaimInts;
        var entryCount = entries.Length / EntryInts;
        for (var at = 0; at < entries.Length; at += EntryInts)
        {
            var (claim, kind, appearance, start, length) = (entries[at], entries[at + 1], entries[at + 2], entries[at + 3], entries[at + 4]);
            if ((uint)claim >= (uint)claimCount || (uint)kind > (uint)ClaimIndex.EntryKind.Context) return "index entries out of range";
            var c = claim * SnapshotClaims.ClaimInts;
            if ((ClaimIndex.EntryKind)kind == ClaimIndex.EntryKind.Statement)
            {
                if (appearance != -1 || start != -1) return "index entries out of range";
                continue;
            }

            if ((uint)appearance >= (uint)claims[c + 8]) return "index entries out of range";
            if ((ClaimIndex.EntryKind)kind == ClaimIndex.EntryKind.Quote)
            {
                if (start != -1) return "index entries out of range";
                continue;
            }

            var source = appearances[(claims[c + 7] + appearance) * SnapshotClaims.AppearanceInts];
            if (!textLength.TryGetValue(source, out var size) || start < 0 || length <= 0 || (long)start + length > size) return "index entries out of range";
        }

        if (starts.Length != keys.Length + 1 || starts[0] != 0 || starts[^1] != postings.Length) return "postings do not add up";
        for (var i = 0; i < keys.Length; i++)
        {
            if ((i > 0 && keys[i] <= keys[i - 1]) || starts[i + 1] <= starts[i]) return "postings out of order";
        }

        foreach (var id in postings)
        {
            if ((uint)id >= (uint)entryCount) return "posting out of range";
        }

        return null;
    }

    private static (SnapshotClaims, ClaimIndex)? Fail(string why, out string? problem)
    {
        problem = why;
        return null;
    }

    private static void Prune(string folder)
    {
        var files = new DirectoryInfo(folder).GetFiles("*" + Extension).OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        foreach (var old in files.Skip(MaxFiles)) TryDelete(old.FullName);
        foreach (var temp in new DirectoryInfo(folder).GetFiles("*" + Extension + ".*.tmp").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))) TryDelete(temp.FullName);
    }

    internal static void TryDelete(string path)
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

    /// <summary>
    /// Bounds-checked reads of a snapshot file, each table straight into its array, with the <see cref="Checksum64"/> of
    /// every byte read; the file's last eight bytes are the checksum, never read as a table.
    /// </summary>
    private sealed class TableReader(FileStream stream)
    {
        private readonly Checksum64 _checksum = new();
        private readonly long _end = stream.Length - 8;
        private readonly byte[] _small = new byte[8];

        public long Remaining => _end - stream.Position;

        public bool Int(out int value)
        {
            value = 0;
            if (!Fill(_small.AsSpan(0, 4))) return false;
            value = BitConverter.ToInt32(_small, 0);
            return true;
        }

        public bool Bytes(int count, out byte[] value)
        {
            value = count <= Remaining ? new byte[count] : [];
            return count <= Remaining && Fill(value);
        }

        /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: a 7-bit encoded length, then UTF-8.</summary>
        public bool String(out string value)
        {
            value = "";
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28 || !Fill(_small.AsSpan(0, 1))) return false;
                length |= (_small[0] & 0x7F) << shift;
                if (_small[0] < 0x80) break;
            }

            if (length < 0 || !Bytes(length, out var bytes)) return false;
            value = Encoding.UTF8.GetString(bytes);
            return true;
        }

        public bool Ints(out int[] value) => Array(4, out value);

        public bool Longs(out long[] value) => Array(8, out value);

        public bool Table(out HashedStrings value)
        {
            value = new HashedStrings([], [], [0], []);
            if (!Array<ulong>(8, out var hashes) || !Ints(out var strings) || !Ints(out var starts) || !Ints(out var values)) return false;
            value = new HashedStrings(hashes, strings, starts, values);
            return true;
        }

        /// <summary>Whether the checksum of everything read so far is the one the file ends with (after the last table).</summary>
        public bool ChecksumHolds()
        {
            if (Remaining != 0) return false;
            stream.ReadExactly(_small);
            return BitConverter.ToUInt64(_small, 0) == _checksum.Value;
        }

        private bool Array<T>(int size, out T[] value)
            where T : unmanaged
        {
            value = [];
            if (!Int(out var n) || n < 0 || (long)n * size > Remaining) return false;
            value = new T[n];
            return Fill(MemoryMarshal.AsBytes(value.AsSpan()));
        }

        private bool Fill(Span<byte> into)
        {
            if (into.Length > Remaining) return false;
            stream.ReadExactly(into);
            _checksum.Append(into);
            return true;
        }
    }
}
