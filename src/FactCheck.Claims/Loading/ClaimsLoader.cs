using System.Collections.Concurrent;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Model;

namespace FactCheck.Claims.Loading;

/// <summary>
/// Loads claims files: discovers them, parses them on one thread while another binds the model, then
/// checks what only the whole set can tell (duplicate ids, dangling references).
/// </summary>
public static class ClaimsLoader
{
    /// <param name="paths">Files or folders; folders are searched recursively for <c>*.yaml</c> and <c>*.yml</c>.</param>
    /// <param name="baseDirectory">Paths in errors are relative to this folder (the working directory by default).</param>
    public static LoadResult Load(IEnumerable<string> paths, string? baseDirectory = null)
    {
        var timer = new PhaseTimer();
        var root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        var diagnostics = new List<Diagnostic>();
        var files = Discover(paths, root, diagnostics, "claims");
        timer.Mark($"discover {files.Count} files");

        var perFile = ReadAndBind(files);
        timer.Mark("read, parse and bind");

        var sources = new List<Source>();
        var propositions = new List<Proposition>();
        var claims = new List<Claim>();
        foreach (var result in perFile)
        {
            diagnostics.AddRange(result.Diagnostics);
            sources.AddRange(result.Binder.Sources);
            propositions.AddRange(result.Binder.Propositions);
            claims.AddRange(result.Binder.Claims);
        }

        var set = new ClaimSet(sources, propositions, claims, files.Select(f => f.Display).ToArray());
        var loaded = Finish(set, diagnostics);
        timer.Mark("cross-file checks");
        return loaded;
    }

    /// <summary>Loads one document given as text (tests, inline claims in rule files).</summary>
    /// <param name="directory">Where relative source <c>text:</c> paths are looked up.</param>
    public static LoadResult LoadText(string yaml, string displayPath, string? directory = null)
    {
        var diagnostics = new List<Diagnostic>();
        var binder = new ClaimFileBinder(displayPath, Path.Combine(directory ?? Environment.CurrentDirectory, "inline.yaml"), diagnostics);
        foreach (var root in YamlTreeReader.Read(yaml, displayPath, diagnostics)) binder.Bind(root);
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

    private static LoadResult Finish(ClaimSet set, List<Diagnostic> diagnostics)
    {
        ClaimSetValidator.Validate(set, diagnostics);
        diagnostics.Sort(Diagnostic.ByPosition);
        return new LoadResult(set, diagnostics);
    }

    /// <summary>
    /// One thread reads and scans the files in order (YamlDotNet's scanner) while this one builds the trees from
    /// their tokens and binds them (<see cref="TokenPipeline"/>). Not one scanner per core: the scanner rents its
    /// string builders from one process-wide pool, and two threads scanning at once contend on it so hard that they
    /// need half again the CPU and finish later. Measured on 100,000 claims (59 MiB): scanning on one thread, trees
    /// and binding on the other, 4.6-4.9 s (8.4-8.7 s of CPU); scanning and trees on one, binding on the other,
    /// 5.0-5.7 s (6.7-7.4 s); whole files on both cores, 5.9 s (11.3 s).
    /// </summary>
    private static FileResult[] ReadAndBind(List<(string Full, string Display)> files)
    {
        var perFile = new FileResult[files.Count];
        using var stop = new CancellationTokenSource();
        using var pipeline = new TokenPipeline();
        var scanning = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < files.Count; i++)
                {
                    var diagnostics = new List<Diagnostic>();
                    using var text = InputText.ReadPooled(files[i].Full, files[i].Display, diagnostics);
                    pipeline.Scan(i, diagnostics, text?.CreateReader(), stop.Token);
                }
            }
            finally
            {
                pipeline.CompleteAdding();
            }
        });

        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var (full, display) = files[i];
                var tokens = pipeline.Next(i);
                var diagnostics = tokens.Diagnostics;
                var roots = tokens.Readable ? YamlTreeReader.Read(tokens, display, diagnostics) : [];
                tokens.Drain();
                var binder = new ClaimFileBinder(display, full, diagnostics);
                foreach (var root in roots) binder.Bind(root);
                perFile[i] = new FileResult(binder, diagnostics);
            }
        }
        catch (TokenPipeline.EndedEarlyException)
        {
            // The scanning thread failed: its exception is the one to report.
            scanning.GetAwaiter().GetResult();
            throw;
        }
        finally
        {
            // If binding failed, the scanning thread must not wait forever for room in the queue.
            stop.Cancel();
            try
            {
                scanning.Wait();
            }
            catch (AggregateException)
            {
                // Cancelled by the line above, or failed and already rethrown in the catch above.
            }
        }

        return perFile;
    }

    /// <summary>
    /// The YAML files named by <paramref name="paths"/> (folders searched recursively), sorted by their
    /// display path so every run reads them in the same order; a path that does not exist is an error.
    /// </summary>
    public static List<(string Full, string Display)> Discover(IEnumerable<string> paths, string root, List<Diagnostic> diagnostics, string what)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, root);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    if (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    {
                        found[Display(file, root)] = file;
                    }
                }
            }
            else if (File.Exists(full))
            {
                found[Display(full, root)] = full;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(
                    new Location(Display(full, root), 0, 0), "no-such-path", $"'{path}' does not exist", $"give a {what} file or a folder of them"));
            }
        }

        return found.Select(kv => (kv.Value, kv.Key)).ToList();
    }

    public static string Display(string fullPath, string root)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative.Replace('\\', '/');
    }

    private sealed record FileResult(ClaimFileBinder Binder, List<Diagnostic> Diagnostics);
}
