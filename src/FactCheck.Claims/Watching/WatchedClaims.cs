using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Watching;

/// <summary>
/// The claims of a folder kept in memory file by file for <c>check --watch</c>: after an edit only the files named as
/// changed (or different on disk in size or time written) are read again, and <see cref="Current"/> is what
/// <see cref="ClaimsLoader.Load"/> would return for the folder as it is now. The checks across files are kept up to
/// date instead of run again on the whole set. Each file's ids and references are
/// counted; a save updates the counts of the files it read, and while no id is defined twice, no reference is dangling
/// and nothing refers to itself the checks across files have nothing to say (on 100,000 claims, running them again
/// took 0.2-0.4 s a save). When they do have something to say, they run on the whole set as a full load runs them, so
/// the messages (with their suggestions) are the ones <see cref="ClaimsLoader.Load"/> gives.
/// </summary>
public sealed class WatchedClaims
{
    private readonly string[] _paths;
    private readonly string _root;
    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private readonly CrossFileIndex _index = new();
    private List<(string Full, string Display, InputScope Scope)> _order = [];
    private List<Diagnostic> _discovery = [];

    /// <param name="paths">As for <see cref="ClaimsLoader.Load"/>.</param>
    public WatchedClaims(IEnumerable<string> paths, string? baseDirectory = null)
    {
        _paths = paths.ToArray();
        _root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        Refresh(changed: null);
    }

    /// <summary>The folder's claims as <see cref="ClaimsLoader.Load"/> would load them now, with every problem, sorted by position.</summary>
    public LoadResult Current { get; private set; } = null!;

    /// <summary>
    /// Finds the files again (some may have been added or deleted), reads the new ones, those different on disk (their
    /// <see cref="FileStamp"/>, or one of their source texts'), those whose stamp was racy, and those in
    /// <paramref name="changed"/> (full paths; null: all) where stamps are weak (not Linux), and rebuilds
    /// <see cref="Current"/>. Returns the display paths of the files read, deleted or added. With
    /// <paramref name="changed"/> empty this is what a <c>check</c> served by a running session does first: the stamps
    /// alone say what changed, whatever the file watcher saw.
    /// </summary>
    public IReadOnlyList<string> Refresh(IReadOnlySet<string>? changed)
    {
        var diagnostics = new List<Diagnostic>();
        var files = ClaimsLoader.DiscoverScoped(_paths, _root, diagnostics, "claims");
        var present = files.Select(f => f.Full).ToHashSet(StringComparer.Ordinal);
        var touched = new List<string>();
        foreach (var gone in _files.Where(f => !present.Contains(f.Key)).ToList())
        {
            _files.Remove(gone.Key);
            _index.Remove(gone.Value.Ids);
            touched.Add(gone.Value.Display);
        }

        // New, different on disk (a change the caller was not told of is found too), or named where stamps are weak.
        // Each stamp is taken before the file is read: a change while it is read shows next time.
        var stamps = files.Select(f => Stamped.Of(f.Full)).ToArray();
        var toRead = new List<((string Full, string Display, InputScope Scope) File, Stamped Stamp)>();
        for (var i = 0; i < files.Count; i++)
        {
            var (file, stamp) = (files[i], stamps[i]);
            if (changed is null || !_files.TryGetValue(file.Full, out var known) || (!stamp.Stamp.Strong && changed.Contains(file.Full)) || known.Changed(stamp))
            {
                toRead.Add((file, stamp));
            }
            else if (known.Stamp.Stamp.Racy)
            {
                // The same content: the stamp taken now stands for it (and, once no longer racy, is trusted alone).
                _files[file.Full] = known with { Stamp = stamp };
            }
        }

        var read = toRead.Count == 0 ? [] : ClaimsLoader.ReadAndBind(toRead.Select(f => f.File).ToList());
        for (var i = 0; i < toRead.Count; i++)
        {
            var (file, stamp) = toRead[i];
            if (_files.TryGetValue(file.Full, out var old)) _index.Remove(old.Ids);
            var ids = FileIds.Of(read[i].Binder);
            _index.Add(ids);
            var texts = read[i].Binder.SourceTextPaths.Distinct(StringComparer.Ordinal).Select(p => TextStamp.Of(p, file.Scope)).ToArray();
            // A source text changed while its file was read shows next time: its stamp is racy then.
            _files[file.Full] = new Entry(file.Display, read[i], stamp, texts, ids);
            touched.Add(file.Display);
        }

        (_order, _discovery) = (files, diagnostics);
        Current = Combine();
        return touched.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One claims file as last read: its result, its stamp then, and its source texts' (binding read them).</summary>
    private sealed record Entry(string Display, ClaimsLoader.FileResult Result, Stamped Stamp, TextStamp[] Texts, FileIds Ids)
    {
        /// <summary>Whether the file must be read again: it or a source text is different now.</summary>
        public bool Changed(Stamped now) => !Stamp.Same(now) || Texts.Any(t => t.Changed());
    }

    /// <summary>
    /// A file's stamp, and its content's SHA-256 when the stamp is racy (the file changed within the last moments): then
    /// the content tells whether it changed since, and an unchanged file is not read again for nothing.
    /// </summary>
    private sealed record Stamped(string Path, FileStamp Stamp, byte[]? Hash)
    {
        public static Stamped Of(string path)
        {
            var stamp = FileStamp.Of(path);
            return new Stamped(path, stamp, stamp.Racy ? ContentHash(path) : null);
        }

        /// <summary>Whether <paramref name="now"/> (of the same path) says the content is what it was.</summary>
        public bool Same(Stamped now)
        {
            if (!Stamp.Racy) return Stamp.Same(now.Stamp);
            return Hash is not null && (now.Hash ?? ContentHash(Path)) is { } hash && Hash.AsSpan().SequenceEqual(hash);
        }

        private static byte[]? ContentHash(string path)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
                return System.Security.Cryptography.SHA256.HashData(stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>A source text as binding saw it: where the scope sent the path (or why it refused it), and the stamp there.</summary>
    private sealed record TextStamp(string Path, InputScope Scope, string? Refused, string Real, Stamped Stamp)
    {
        public static TextStamp Of(string path, InputScope scope)
        {
            var refused = scope.Check(path, out var real);
            return new TextStamp(path, scope, refused, real, refused is null ? Stamped.Of(real) : new Stamped(real, FileStamp.Missing, null));
        }

        public bool Changed()
        {
            var now = Of(Path, Scope);
            return now.Refused != Refused || now.Real != Real || !Stamp.Same(now.Stamp);
        }
    }

    /// <summary>As <see cref="ClaimsLoader.Load"/> puts the files together: in discovery order, then the checks across files.</summary>
    private LoadResult Combine()
    {
        var diagnostics = new List<Diagnostic>(_discovery);
        var sources = new List<Source>();
        var propositions = new List<Proposition>();
        var claims = new List<Claim>();
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in _order)
        {
            var result = _files[file.Full].Result;
            if (result.Binder.Stopped) stopped.Add(file.Display);
            diagnostics.AddRange(result.Diagnostics);
            sources.AddRange(result.Binder.Sources);
            propositions.AddRange(result.Binder.Propositions);
            claims.AddRange(result.Binder.Claims);
        }

        var set = new ClaimSet(sources, propositions, claims, _order.Select(f => f.Display).ToArray());
        if (!_index.Clean) return ClaimsLoader.Finish(set, diagnostics, stopped);

        // Nothing to say across files: the files' own problems, sorted and capped as a full load does.
        var own = ClaimsLoader.Finish(ClaimSet.Empty, diagnostics, stopped);
        return new LoadResult(set, own.Diagnostics);
    }
}
