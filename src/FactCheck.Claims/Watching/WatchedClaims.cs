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
    private readonly Dictionary<string, (string Display, ClaimsLoader.FileResult Result, (long, DateTime) Stamp, FileIds Ids)> _files = new(StringComparer.Ordinal);
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
    /// Finds the files again (some may have been added or deleted), reads the new ones, those in <paramref name="changed"/>
    /// (full paths; null: all) and those different on disk (size or time written), and rebuilds <see cref="Current"/>.
    /// Returns the display paths of the files read, deleted or added.
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

        // Named, new, or different on disk: a change the caller was not told of is found too.
        var stamps = files.Select(f => Stamp(f.Full)).ToArray();
        var toRead = files.Select((f, i) => (File: f, Stamp: stamps[i]))
            .Where(f => changed is null || changed.Contains(f.File.Full) || !_files.TryGetValue(f.File.Full, out var known) || known.Stamp != f.Stamp)
            .ToList();
        var read = toRead.Count == 0 ? [] : ClaimsLoader.ReadAndBind(toRead.Select(f => f.File).ToList());
        for (var i = 0; i < toRead.Count; i++)
        {
            var (file, stamp) = toRead[i];
            if (_files.TryGetValue(file.Full, out var old)) _index.Remove(old.Ids);
            var ids = FileIds.Of(read[i].Binder);
            _index.Add(ids);
            _files[file.Full] = (file.Display, read[i], stamp, ids);
            touched.Add(file.Display);
        }

        (_order, _discovery) = (files, diagnostics);
        Current = Combine();
        return touched.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static (long, DateTime) Stamp(string path)
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
