using FactCheck.Claims.Caching;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Matching;
using FactCheck.Drafting.Recorded;

namespace FactCheck.Drafting;

/// <summary>
/// The recorded claims a draft is matched against: a loaded <see cref="ClaimSet"/>, or, when the claims files are
/// exactly as they were at an earlier run, the snapshot that run kept of what drafting reads (the claims are then not
/// loaded at all). Drafting against either gives the same draft.
/// </summary>
public sealed class RecordedClaims
{
    private readonly Task<string>? _writing;
    private readonly string _outcome;

    private RecordedClaims(ClaimsView view, ClaimIndex? index, string outcome, Task<string>? writing = null)
    {
        View = view;
        Index = index;
        _outcome = outcome;
        _writing = writing;
    }

    /// <summary>How many claims are recorded.</summary>
    public int Count => View.Count;

    /// <summary>
    /// Where the claims came from: "snapshot", or "loaded", with why no snapshot was read and whether one was written.
    /// A snapshot is written on another thread while the draft is made: reading this waits for it (a process must, before it ends).
    /// </summary>
    public string Outcome => _writing is null ? _outcome : _outcome + _writing.GetAwaiter().GetResult();

    internal ClaimsView View { get; }

    /// <summary>The word-pair index, when it came with the claims (from a snapshot, or built to write one).</summary>
    internal ClaimIndex? Index { get; }

    /// <summary>The claims of a loaded set.</summary>
    public static RecordedClaims Of(ClaimSet set) => new(new LoadedClaims(set), null, "loaded");

    /// <summary>Whether a source of this id is recorded.</summary>
    public bool HasSource(string id) => View.Source(id) is not null;

    /// <summary>The stored text (<c>text:</c>) of the recorded source of this id, if it has one.</summary>
    public string? SourceText(string id) => View.Source(id)?.Text;

    /// <summary>
    /// The claims in <paramref name="paths"/> (read from <paramref name="baseDirectory"/>): from the snapshot in
    /// <paramref name="cacheFolder"/> when every file is exactly as when it was written, else by <paramref name="load"/>
    /// (then, for a load of <see cref="IndexCache.DefaultMinClaims"/> claims or more without errors, a new snapshot is
    /// written). <paramref name="diagnostics"/> are the load's, and empty when the snapshot was read (one is only ever
    /// written from a load without errors). A null <paramref name="cacheFolder"/> always loads.
    /// </summary>
    /// <param name="writeSnapshot">False when the claims are about to change (<c>draft --into</c>): a snapshot written now
    /// would be out of date at once. One that is there is still read.</param>
    public static RecordedClaims Open(
        IReadOnlyList<string> paths, string baseDirectory, string? cacheFolder, Func<LoadResult> load, out IReadOnlyList<Diagnostic> diagnostics, bool writeSnapshot = true) =>
        Open(paths, baseDirectory, cacheFolder, load, IndexCache.DefaultMinClaims, out diagnostics, writeSnapshot);

    /// <summary>Fewer bytes than any claim takes in YAML (an id, a statement, a claimant, a stance and an appearance).</summary>
    private const long SmallestClaimBytes = 100;

    internal static RecordedClaims Open(
        IReadOnlyList<string> paths, string baseDirectory, string? cacheFolder, Func<LoadResult> load, int minClaims, out IReadOnlyList<Diagnostic> diagnostics,
        bool writeSnapshot = true)
    {
        if (cacheFolder is null)
        {
            var plain = load();
            diagnostics = plain.Diagnostics;
            return Of(plain.ClaimSet);
        }

        using var timer = new PhaseTimer();
        var path = Snapshot.PathFor(cacheFolder, paths, baseDirectory);

        // Without a snapshot already, the files are not hashed when none will be written: claims files of less than 1 MB
        // in all hold well under 10,000 claims.
        var exists = File.Exists(path);
        var fingerprint = exists || writeSnapshot ? ClaimsFingerprint.Take(paths, baseDirectory, minClaims == 0 || exists ? 0 : minClaims * SmallestClaimBytes) : null;
        timer.Mark($"fingerprint {fingerprint?.Files ?? 0} claims files");
        string? problem = null;
        if (fingerprint is not null)
        {
            var read = Snapshot.Read(path, fingerprint, out problem);
            timer.Mark("read the snapshot");
            if (read is { } snapshot)
            {
                diagnostics = [];
                Touch(path);
                return new RecordedClaims(snapshot.Claims, snapshot.Index, "snapshot");
            }
        }

        var loaded = load();
        timer.Mark("load the claims");
        diagnostics = loaded.Diagnostics;
        var view = new LoadedClaims(loaded.ClaimSet);
        if (!writeSnapshot) return new RecordedClaims(view, null, $"loaded (snapshot: {problem ?? "none"}; none written: the claims are about to change)");
        if (fingerprint is null) return new RecordedClaims(view, null, "loaded (no snapshot: too few claims to keep one, or the claims folder could not be walked or read)");
        if (loaded.HasErrors || view.Count < minClaims)
        {
            var why = loaded.HasErrors ? "the claims have errors" : "too few claims to keep one";
            return new RecordedClaims(view, null, $"loaded (snapshot: {problem}; none written: {why})");
        }

        var index = new IndexCache(cacheFolder).Get(view);
        timer.Mark("index");
        var texts = fingerprint.SourceTexts(loaded.ClaimSet);
        var outcome = $"loaded (snapshot: {problem}; ";
        if (!fingerprint.Settled(texts)) return new RecordedClaims(view, index, outcome + "none written: files changed while they were read or just before)");

        // On the other core while the article is drafted: both only read the claims and the index.
        var writing = Task.Run(() =>
        {
            try
            {
                return Snapshot.Write(path, fingerprint, texts, view, index) is { } notWritten ? $"none written: {notWritten})" : "a new one written)";
            }
            catch (Exception e)
            {
                // A snapshot is only a cache: failing to write one must not fail the draft (the outcome says why, for FACTCHECK_TIMINGS).
                return $"none written: {e.GetType().Name}: {e.Message})";
            }
        });
        return new RecordedClaims(view, index, outcome, writing);
    }

    private static void Touch(string path)
    {
        try
        {
            // The four snapshots used last are kept.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the pruning order suffers.
        }
    }
}
