using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FactCheck.Claims.Caching;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Loads claims files: discovers them, reads, parses and binds them on all cores, then
/// checks what only the whole set can tell (duplicate ids, dangling references).
/// </summary>
public static class ClaimsLoader
{
    /// <param name="paths">Files or folders; folders are searched recursively for <c>*.yaml</c> and <c>*.yml</c>.</param>
    /// <param name="baseDirectory">Paths in errors are relative to this folder (the working directory by default).</param>
    /// <param name="cache">Where files parsed before are looked up, and those parsed now stored; null to read them all.</param>
    public static LoadResult Load(IEnumerable<string> paths, string? baseDirectory = null, ParsedFileCache? cache = null)
    {
        using var timer = new PhaseTimer();
        var root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        var diagnostics = new List<Diagnostic>();
        var files = DiscoverScoped(paths, root, diagnostics, "claims");
        timer.Mark($"discover {files.Count} files");

        var perFile = cache is null ? ReadAndBind(files) : cache.ReadAndBind(files, ReadAndBind);
        timer.Mark("read, parse and bind");

        // Sized once, not grown by doubling.
        var sources = new List<Source>(perFile.Sum(r => r.Binder.Sources.Count));
        var propositions = new List<Proposition>(perFile.Sum(r => r.Binder.Propositions.Count));
        var claims = new List<Claim>(perFile.Sum(r => r.Binder.Claims.Count));
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < perFile.Length; i++)
        {
            var result = perFile[i];
            if (result.Binder.Stopped) stopped.Add(files[i].Display);
            diagnostics.AddRange(result.Diagnostics);
            sources.AddRange(result.Binder.Sources);
            propositions.AddRange(result.Binder.Propositions);
            claims.AddRange(result.Binder.Claims);
        }

        var set = new ClaimSet(sources, propositions, claims, files.Select(f => f.Display).ToArray());
        var loaded = Finish(set, diagnostics, stopped);
        timer.Mark("cross-file checks");
        return loaded;
    }

    /// <summary>Loads one document given as text (tests, inline claims in rule files).</summary>
    /// <param name="directory">Where relative source <c>text:</c> paths are looked up.</param>
    public static LoadResult LoadText(string yaml, string displayPath, string? directory = null)
    {
        var diagnostics = new List<Diagnostic>();
        var binder = new ClaimFileBinder(displayPath, Path.Combine(directory ?? Environment.CurrentDirectory, "inline.yaml"), diagnostics);
        foreach (var root in SubsetYamlReader.ForThisThread.ReadTransient(yaml, displayPath, diagnostics)) binder.Bind(root);
        return Finish(new ClaimSet(binder.Sources, binder.Propositions, binder.Claims, [displayPath]), diagnostics);
    }

    /// <summary>Binds an already-parsed YAML node holding <c>sources</c>/<c>propositions</c>/<c>claims</c>.</summary>
    public static LoadResult LoadNode(YamlNode node, string displayPath, string directory)
    {
        var diagnostics = new List<Diagnostic>();
        var binder = new ClaimFileBinder(displayPath, Path.Combine(directory, "inline.yaml"), diagnostics);
        binder.Bind(node);
        return Finish(new ClaimSet(binder.Sources, binder.Propositions, binder.Claims, [displayPath]), diagnostics);
    }

    internal static LoadResult Finish(ClaimSet set, List<Diagnostic> diagnostics, HashSet<string>? stopped = null)
    {
        ClaimSetValidator.Validate(set, diagnostics);
        diagnostics.Sort(Diagnostic.ByPosition);
        return new LoadResult(set, CapPerFile(diagnostics, stopped ?? []));
    }

    /// <summary>
    /// The first <see cref="ClaimFileBinder.MaxDiagnosticsPerFile"/> problems of each file, by position, then one saying
    /// how many more there were, or that reading the file stopped there.
    /// </summary>
    private static List<Diagnostic> CapPerFile(List<Diagnostic> sorted, HashSet<string> stopped)
    {
        const int max = ClaimFileBinder.MaxDiagnosticsPerFile;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in sorted) counts[d.Location.File] = counts.GetValueOrDefault(d.Location.File) + 1;
        if (stopped.Count == 0 && counts.Values.All(n => n <= max)) return sorted;

        var kept = new List<Diagnostic>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in sorted)
        {
            var file = d.Location.File;
            var n = seen[file] = seen.GetValueOrDefault(file) + 1;
            if (n <= max) kept.Add(d);
        }

        foreach (var file in counts.Keys.Union(stopped).Order(StringComparer.Ordinal))
        {
            var more = Math.Max(0, counts.GetValueOrDefault(file) - max);
            if (stopped.Contains(file))
            {
                kept.Add(Diagnostic.Error(
                    new Location(file, 0, 0),
                    "too-many-errors",
                    $"more than {max:N0} errors in this file: reading it stopped there, and only the first {max:N0} are listed",
                    "fix these first; what follows them was not read, so references to it may show as errors too"));
            }
            else if (more > 0)
            {
                kept.Add(Diagnostic.Error(
                    new Location(file, 0, 0), "too-many-errors", $"and {more:N0} more errors in this file: only the first {max:N0} are listed", "fix these first"));
            }
        }

        kept.Sort(Diagnostic.ByPosition);
        return kept;
    }

    /// <summary>
    /// Reads, parses and binds the files on all cores, each file on its own (<see cref="ReadAndBindFile"/>); the
    /// results are in the order of <paramref name="files"/> whichever thread read them.
    /// </summary>
    internal static FileResult[] ReadAndBind(List<(string Full, string Display, InputScope Scope)> files)
    {
        var perFile = new FileResult[files.Count];
        try
        {
            Parallel.For(0, files.Count, i => perFile[i] = ReadAndBindFile(files[i].Full, files[i].Display, files[i].Scope));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // A failure (a bug: problems in the input are diagnostics) surfaces as itself, as it did on one thread.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return perFile;
    }

    /// <summary>
    /// One file: its text read, parsed (by <see cref="SubsetYamlReader"/>, which leaves what it does not read to
    /// YamlDotNet's scanner through <see cref="YamlTreeReader"/>) and bound, with all its problems. Depends on nothing
    /// but the file, so files run in parallel.
    /// </summary>
    internal static FileResult ReadAndBindFile(string full, string display, InputScope scope)
    {
        var diagnostics = new List<Diagnostic>();
        var binder = new ClaimFileBinder(display, full, diagnostics, scope);
        IReadOnlyList<YamlNode> roots;
        using (var text = InputText.ReadPooled(full, display, diagnostics))
        {
            roots = text is null ? [] : SubsetYamlReader.ForThisThread.ReadTransient(text, display, diagnostics);
        }

        foreach (var root in roots) binder.Bind(root);
        return new FileResult(binder, diagnostics);
    }

    /// <summary>
    /// The YAML files named by <paramref name="paths"/> (folders searched recursively), sorted by their
    /// display path so every run reads them in the same order; a path that does not exist is an error.
    /// Each file's full path is its real path (links resolved), inside the <see cref="InputScope"/> it was found in.
    /// </summary>
    public static List<(string Full, string Display)> Discover(IEnumerable<string> paths, string root, List<Diagnostic> diagnostics, string what) =>
        DiscoverScoped(paths, root, diagnostics, what).Select(f => (f.Full, f.Display)).ToList();

    /// <summary>
    /// <see cref="Discover"/> with the scope of each file. A path given inside the repository must stay inside it
    /// once its links are resolved; a path given outside it (the user named it) is its own scope. The walk never
    /// enters <c>.git</c>, follows a link only to a place inside the scope, enters each real folder once (two links
    /// to a parent would otherwise make it exponential), and refuses FIFOs, sockets and devices without opening them.
    /// </summary>
    internal static List<(string Full, string Display, InputScope Scope)> DiscoverScoped(
        IEnumerable<string> paths, string root, List<Diagnostic> diagnostics, string what)
    {
        var repository = InputScope.Around(root);
        var found = new SortedDictionary<string, (string Full, InputScope Scope)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, root);
            var display = Display(full, root);
            var at = new Location(display, 0, 0);
            InputScope scope;
            if (repository.ContainsLexically(full))
            {
                scope = repository;
            }
            else
            {
                // Named on the command line outside the repository: the user chose it, links and all; what is found
                // in it stays inside its real folder.
                var given = InputScope.Resolve(full, out _) ?? full;
                scope = InputScope.Exactly(FileKinds.Of(given) == FileKind.Directory ? given : Path.GetDirectoryName(given) ?? given);
            }

            if (scope.Check(full, out var real) is { } refused)
            {
                diagnostics.Add(Diagnostic.Error(at, "outside-repository", $"'{path}' is not read: {refused}", $"give a {what} file or folder inside the repository, not a link out of it"));
                continue;
            }

            var kind = FileKinds.Of(real);
            if (kind == FileKind.Missing && FileKinds.Of(full) is var seen and not FileKind.Missing)
            {
                // A link only the kernel can follow (/dev/stdin, a process substitution's /dev/fd/63): a pipe, mostly.
                diagnostics.Add(Diagnostic.Error(at, "not-a-file", $"'{path}' is {FileKinds.Describe(seen)} behind a link to '{real}', which FactCheck does not read", $"give a {what} file or a folder of them"));
                continue;
            }

            switch (kind)
            {
                case FileKind.Directory:
                    Walk(real, full, root, scope, found, diagnostics, what, []);
                    break;
                case FileKind.Regular:
                    found[display] = (real, scope);
                    break;
                case FileKind.Special:
                    diagnostics.Add(Diagnostic.Error(at, "not-a-file", $"'{path}' is {FileKinds.Describe(FileKind.Special)}, which FactCheck does not read", $"give a {what} file or a folder of them"));
                    break;
                default:
                    diagnostics.Add(Diagnostic.Error(at, "no-such-path", $"'{path}' does not exist", $"give a {what} file or a folder of them"));
                    break;
            }
        }

        return found.Select(kv => (kv.Value.Full, kv.Key, kv.Value.Scope)).ToList();
    }

    private static void Walk(
        string real, string shown, string root, InputScope scope, SortedDictionary<string, (string, InputScope)> found,
        List<Diagnostic> diagnostics, string what, HashSet<string> visited)
    {
        if (!visited.Add(real)) return;
        IEnumerable<FileSystemInfo> entries;
        try
        {
            // Materialised here so that a folder that cannot be listed fails here, with its name.
            entries = new DirectoryInfo(real).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = false,
                AttributesToSkip = 0,
                ReturnSpecialDirectories = false,
            }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(
                new Location(Display(shown, root), 0, 0), "unreadable", $"cannot read the folder '{Display(shown, root)}': {ex.Message}", $"make it readable, or move it out of the {what} folder"));
            return;
        }

        // In name order: which of two links to one folder is walked (the other is skipped) must not depend on the disk.
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = entry.Name;
            var entryShown = Path.Join(shown, name);
            var isYaml = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            var isLink = entry.LinkTarget is not null;
            if (!isLink && entry is DirectoryInfo)
            {
                if (!name.Equals(".git", StringComparison.OrdinalIgnoreCase)) Walk(entry.FullName, entryShown, root, scope, found, diagnostics, what, visited);
                continue;
            }

            if (!isLink && !isYaml) continue;
            var target = entry.FullName;
            if (isLink && scope.Check(entry.FullName, out target) is { } refused)
            {
                // A link that is not read anyway (not YAML, not a folder) is no one's business.
                if (isYaml || Directory.Exists(entry.FullName))
                {
                    diagnostics.Add(Diagnostic.Error(
                        new Location(Display(entryShown, root), 0, 0), "outside-repository", $"the link '{Display(entryShown, root)}' is not followed: {refused}", "replace the link with the file itself"));
                }

                continue;
            }

            var kind = FileKinds.Of(target);
            if (kind == FileKind.Directory)
            {
                if (!name.Equals(".git", StringComparison.OrdinalIgnoreCase)) Walk(target, entryShown, root, scope, found, diagnostics, what, visited);
            }
            else if (isYaml && kind == FileKind.Regular)
            {
                found[Display(entryShown, root)] = (target, scope);
            }
            else if (isYaml && kind == FileKind.Special)
            {
                diagnostics.Add(Diagnostic.Error(
                    new Location(Display(entryShown, root), 0, 0), "not-a-file", $"'{Display(entryShown, root)}' is {FileKinds.Describe(kind)}, which FactCheck does not read", $"{what} files must be ordinary files"));
            }
        }
    }

    public static string Display(string fullPath, string root)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative.Replace('\\', '/');
    }

    internal sealed record FileResult(ClaimFileBinder Binder, List<Diagnostic> Diagnostics);
}
