using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// The claims of a folder kept in memory file by file, for a long-running process (<c>check --watch</c>): after an
/// edit only the files named as changed are read again. <see cref="Current"/> is what <see cref="ClaimsLoader.Load"/>
/// would return for the folder as it is now: the same files in the same order, and the checks across files run
/// again on the whole set.
/// </summary>
public sealed class ClaimsWorkspace
{
    private readonly string[] _paths;
    private readonly string _root;
    private readonly Dictionary<string, (string Display, ClaimsLoader.FileResult Result, (long, DateTime) Stamp)> _files = new(StringComparer.Ordinal);
    private List<(string Full, string Display, InputScope Scope)> _order = [];
    private List<Diagnostic> _discovery = [];

    /// <param name="paths">As for <see cref="ClaimsLoader.Load"/>.</param>
    public ClaimsWorkspace(IEnumerable<string> paths, string? baseDirectory = null)
    {
        _paths = paths.ToArray();
        _root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        Refresh(changed: null);
    }

    /// <summary>The folder's claims as loaded now, with every problem, sorted by position.</summary>
    public LoadResult Current { get; private set; } = null!;

    /// <summary>
    /// Finds the files again (some may have been added or deleted), reads the new ones and those in
    /// <paramref name="changed"/> (full paths; null: all), and rebuilds <see cref="Current"/>.
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
            touched.Add(gone.Value.Display);
        }

        // Named, new, or different on disk (size or time written): a change the caller was not told of is found too.
        var stamps = files.Select(f => Stamp(f.Full)).ToArray();
        var toRead = files.Select((f, i) => (File: f, Stamp: stamps[i]))
            .Where(f => changed is null || changed.Contains(f.File.Full) || !_files.TryGetValue(f.File.Full, out var known) || known.Stamp != f.Stamp)
            .ToList();
        var read = toRead.Count == 0 ? [] : ClaimsLoader.ReadAndBind(toRead.Select(f => f.File).ToList());
        for (var i = 0; i < toRead.Count; i++)
        {
            var (file, stamp) = toRead[i];
            _files[file.Full] = (file.Display, read[i], stamp);
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

        return ClaimsLoader.Finish(new ClaimSet(sources, propositions, claims, _order.Select(f => f.Display).ToArray()), diagnostics, stopped);
    }
}
