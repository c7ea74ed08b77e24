using FactCheck.Report.Internal;

namespace FactCheck.Report;

/// <summary>
/// What the store remembers between the runs of a caller that records run after run in one process (a <c>serve</c>
/// session): one per report file, passed to every <see cref="ReportStore.WriteRun(RunData, RunMemory?)"/> or
/// <see cref="ReportStore.BeginRun(RunData, RunMemory?)"/>. It lets the store tell what changed without reading or
/// hashing what did not:
/// <list type="bullet">
/// <item>a file whose rows are the very objects of the last run (the caller mapped only the files that changed) keeps
/// its digest, so it is linked to its snapshot without being hashed again;</item>
/// <item>the findings of the run it wrote last are known by content digest, so while that run is still the report's
/// latest (and complete) they are not read back from the file to be shared.</item>
/// </list>
/// Nothing in it is trusted blindly: the digests are of immutable rows, and the findings are used only when the report's
/// latest run is still the one this memory wrote (its id and times), else they are read from the file as without it.
/// Safe to share between threads; a run that is rolled back leaves it as it was.
/// </summary>
public sealed class RunMemory
{
    private readonly Lock _lock = new();
    private Dictionary<string, FileDigest> _files = new(StringComparer.Ordinal);
    private WrittenFindings? _findings;

    /// <summary>The digest <paramref name="file"/> had last run when its rows are the same objects; null otherwise.</summary>
    internal byte[]? KnownDigest(FileSnapshot file)
    {
        lock (_lock)
        {
            return _files.TryGetValue(Key(file.File), out var known) && known.Matches(file) ? known.Digest : null;
        }
    }

    /// <summary>Remembers the files of the run being written (replacing the last run's).</summary>
    internal void RememberFiles(List<FileSnapshot> files)
    {
        var remembered = new Dictionary<string, FileDigest>(files.Count, StringComparer.Ordinal);
        foreach (var file in files) remembered[Key(file.File)] = FileDigest.Of(file);
        lock (_lock)
        {
            _files = remembered;
        }
    }

    /// <summary>The findings of the run this memory wrote last, when that run is still the report's latest one.</summary>
    internal WrittenFindings? Findings(LatestRun? latest)
    {
        lock (_lock)
        {
            return _findings is { } f && latest is { } l && f.Run == l ? f : null;
        }
    }

    /// <summary>Remembers the findings of a run that was committed complete (a failed run is not the latest complete one).</summary>
    internal void RememberFindings(WrittenFindings? findings)
    {
        lock (_lock)
        {
            _findings = findings;
        }
    }

    private static string Key(string? file) => file ?? "\0";

    /// <summary>A report's latest run as the runs table has it: findings remembered for it are valid while it is the latest.</summary>
    internal sealed record LatestRun(long RunId, string StartedAt, string FinishedAt, string ClaimsDigest, string RulesDigest);

    /// <summary>A run's findings by content digest, in the run's order.</summary>
    internal sealed record WrittenFindings(LatestRun Run, UInt128[] Digests, long[] Ids);

    /// <summary>One file's rows (by reference) and their digest.</summary>
    private sealed record FileDigest(ReportSource[] Sources, ReportClaim[] Claims, ReportAppearance[] Appearances, ReportCitation[] Citations, byte[] Digest)
    {
        public static FileDigest Of(FileSnapshot file) =>
            new([.. file.Sources], [.. file.Claims], [.. file.Appearances], [.. file.Citations], file.Digest);

        public bool Matches(FileSnapshot file)
        {
            if (file.Sources.Count != Sources.Length || file.Claims.Count != Claims.Length
                || file.Appearances.Count != Appearances.Length || file.Citations.Count != Citations.Length)
            {
                return false;
            }

            for (var i = 0; i < Sources.Length; i++) if (!ReferenceEquals(file.Sources[i], Sources[i])) return false;
            for (var i = 0; i < Claims.Length; i++) if (!ReferenceEquals(file.Claims[i], Claims[i])) return false;
            for (var i = 0; i < Appearances.Length; i++) if (!ReferenceEquals(file.Appearances[i], Appearances[i])) return false;
            for (var i = 0; i < Citations.Length; i++) if (!ReferenceEquals(file.Citations[i], Citations[i])) return false;
            return true;
        }
    }
}
