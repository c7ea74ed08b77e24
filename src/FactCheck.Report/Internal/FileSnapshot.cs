using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace FactCheck.Report.Internal;

/// <summary>
/// A run's inputs from one file (schema version 5): the sources, claims, appearances and citations whose
/// <c>File</c> it is, and a digest of them. A run whose file has the digest it had in the report's latest run links to
/// that run's snapshot instead of writing the rows again; the views <c>sources</c>, <c>run_claims</c>,
/// <c>appearances</c> and <c>citations</c> give each run the rows of its snapshots.
/// </summary>
/// <remarks>
/// The digest is of the rows as the report stores them (the claim's content digest and status stand for its version),
/// not of the file's bytes: what the caller made of a file can depend on more than the file (binding reads source
/// texts, ids resolve across files), and a digest of the rows is exact whatever the caller. It costs one SHA-256 pass
/// over the rows, on the hashing thread beside the writer.
/// </remarks>
internal sealed class FileSnapshot(string? file)
{
    private const string Scheme = "snapshot/1";

    public string? File { get; } = file;

    public List<ReportSource> Sources { get; } = [];

    /// <summary>In id order (ids are unique in a run).</summary>
    public List<ReportClaim> Claims { get; } = [];

    /// <summary>The digest of each of <see cref="Claims"/> (the caller's, or computed); set on the hashing thread.</summary>
    public string[] ClaimDigests { get; set; } = [];

    /// <summary>In (source, claim) order, the input's order among equal keys.</summary>
    public List<ReportAppearance> Appearances { get; } = [];

    /// <summary>In the input's order.</summary>
    public List<ReportCitation> Citations { get; } = [];

    /// <summary>SHA-256 of the rows (see <see cref="ComputeDigest"/>); set on the hashing thread.</summary>
    public byte[] Digest { get; set; } = [];

    /// <summary>
    /// The run's rows by their file, in the order files first appear among sources, claims, appearances, citations; each
    /// file's rows put in key order (rows come file by file, and a file's rows are few and usually in order already).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<FileSnapshot> Group(RunData run)
    {
        var files = new List<FileSnapshot>();
        var byFile = new Dictionary<string, FileSnapshot>(StringComparer.Ordinal);
        FileSnapshot? noFile = null;
        FileSnapshot? last = null;
        FileSnapshot Of(string? file)
        {
            // Rows come file by file: the last file is usually the one.
            if (last is not null && string.Equals(last.File, file, StringComparison.Ordinal)) return last;
            FileSnapshot? found;
            if (file is null) found = noFile;
            else byFile.TryGetValue(file, out found);
            if (found is null)
            {
                found = new FileSnapshot(file);
                files.Add(found);
                if (file is null) noFile = found;
                else byFile[file] = found;
            }

            return last = found;
        }

        foreach (var s in run.Sources) Of(s.File).Sources.Add(s);
        foreach (var c in run.Claims) Of(c.File).Claims.Add(c);
        foreach (var a in run.Appearances) Of(a.File).Appearances.Add(a);
        foreach (var c in run.Citations) Of(c.File).Citations.Add(c);
        foreach (var f in files) f.Order();
        return files;
    }

    /// <summary>Sources and claims by id, appearances by (source, claim) keeping the input's order among equal keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Order()
    {
        if (!InOrder(Sources, static s => s.Id)) Sources.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        if (!InOrder(Claims, static c => c.Id)) Claims.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
        if (!InOrder(Appearances, 0, Appearances.Count)) OrderAppearances();
    }

    /// <summary>
    /// The appearances in (source, claim) order, keeping the input's order among equal keys: grouped by source first
    /// (a file has far fewer sources than appearances, and within a source the claims usually come in order already),
    /// which is close to linear where a comparison sort of the whole list is not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OrderAppearances()
    {
        var bySource = new Dictionary<string, List<ReportAppearance>>(StringComparer.Ordinal);
        foreach (var a in Appearances)
        {
            if (!bySource.TryGetValue(a.SourceId, out var list)) bySource[a.SourceId] = list = [];
            list.Add(a);
        }

        var sources = bySource.Keys.ToArray();
        Array.Sort(sources, StringComparer.Ordinal);
        Appearances.Clear();
        foreach (var source in sources)
        {
            var start = Appearances.Count;
            Appearances.AddRange(bySource[source]);
            if (!InOrder(Appearances, start, Appearances.Count))
            {
                // A stable sort by claim id: the index breaks ties.
                var slice = Appearances.GetRange(start, Appearances.Count - start);
                var keys = slice.Select((a, i) => (a.ClaimId, Index: i)).ToArray();
                Array.Sort(keys, static (x, y) =>
                {
                    var order = string.CompareOrdinal(x.ClaimId, y.ClaimId);
                    return order != 0 ? order : x.Index.CompareTo(y.Index);
                });
                for (var i = 0; i < keys.Length; i++) Appearances[start + i] = slice[keys[i].Index];
            }
        }
    }

    private static bool InOrder(List<ReportAppearance> items, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            var bySource = string.CompareOrdinal(items[i - 1].SourceId, items[i].SourceId);
            if (bySource > 0 || (bySource == 0 && string.CompareOrdinal(items[i - 1].ClaimId, items[i].ClaimId) > 0)) return false;
        }

        return true;
    }

    private static bool InOrder<T>(List<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) > 0) return false;
        }

        return true;
    }

    /// <summary>
    /// Sets <see cref="Digest"/>: SHA-256 of length-prefixed fields, "snapshot/1", the file, then each table's row count
    /// and rows (sources: id, kind, title, outlet, url, line; claims: id, digest, status, line, column; appearances:
    /// source, claim, attribution, quote, line, column; citations: claim, source, wording, line, column).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ComputeDigest(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        HashFields.Add(buffer, Scheme);
        HashFields.Add(buffer, File);
        Int(buffer, Sources.Count);
        foreach (var s in Sources)
        {
            HashFields.Add(buffer, s.Id);
            HashFields.Add(buffer, s.Kind);
            HashFields.Add(buffer, s.Title);
            HashFields.Add(buffer, s.Outlet);
            HashFields.Add(buffer, s.Url);
            Int(buffer, s.Line);
        }

        Int(buffer, Claims.Count);
        for (var i = 0; i < Claims.Count; i++)
        {
            var c = Claims[i];
            HashFields.Add(buffer, c.Id);
            HashFields.Add(buffer, ClaimDigests[i]);
            HashFields.Add(buffer, c.Status);
            Int(buffer, c.Line);
            Int(buffer, c.Column);
        }

        Int(buffer, Appearances.Count);
        foreach (var a in Appearances)
        {
            HashFields.Add(buffer, a.SourceId);
            HashFields.Add(buffer, a.ClaimId);
            HashFields.Add(buffer, a.Attribution);
            HashFields.Add(buffer, a.Quote);
            Int(buffer, a.Line);
            Int(buffer, a.Column);
        }

        Int(buffer, Citations.Count);
        foreach (var c in Citations)
        {
            HashFields.Add(buffer, c.ClaimId);
            HashFields.Add(buffer, c.SourceId);
            HashFields.Add(buffer, c.CitedAs);
            Int(buffer, c.Line);
            Int(buffer, c.Column);
        }

        Digest = SHA256.HashData(buffer.WrittenSpan);
    }

    /// <summary>A number or null, as 5 bytes (a flag, then the value).</summary>
    private static void Int(ArrayBufferWriter<byte> buffer, int? value)
    {
        var span = buffer.GetSpan(5);
        span[0] = value is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], value ?? 0);
        buffer.Advance(5);
    }
}
