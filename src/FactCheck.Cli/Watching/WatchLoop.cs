using System.Collections.Concurrent;
using System.Globalization;
using FactCheck.Claims.Watching;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Watching;

/// <summary>
/// <c>check --watch</c>'s loop: file-system events on the claims and rules folders, gathered until 100 ms pass without
/// one (an editor's save is several events), then one <see cref="WatchSession.Apply"/> and a few lines saying what
/// changed. Runs until <paramref name="cancel"/> fires (Ctrl-C).
/// </summary>
internal static class WatchLoop
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    public static void Run(WatchSession session, TextWriter output, CancellationToken cancel)
    {
        var claims = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var everything = 0; // 1: read every claims file again (lost events; a non-YAML file where stamps are weak)
        var rules = 0;
        // With strong stamps (Linux) the refresh finds a changed source text by its stamp, so an editor's swap file or
        // sed's temporary file need not make every claims file be read again (401 files at 100,000 claims).
        var stampsFindTexts = FileStamp.Of(session.ClaimsPath).Strong;
        using var signal = new SemaphoreSlim(0);
        void Claims(string path)
        {
            if (IsYaml(path)) claims[path] = true;
            else if (!stampsFindTexts) Interlocked.Exchange(ref everything, 1);
            signal.Release();
        }

        void Rules()
        {
            Interlocked.Exchange(ref rules, 1);
            signal.Release();
        }

        using var claimsWatcher = Watch(session.ClaimsPath, Claims, () =>
        {
            Interlocked.Exchange(ref everything, 1);
            signal.Release();
        });
        using var rulesWatcher = session.RulesPath is { } rulesPath ? Watch(rulesPath, _ => Rules(), Rules) : null;
        lock (output)
        {
            output.WriteLine($"factcheck: watching {Describe(session)}; each save is checked again (no report is written; `check` without --watch records runs). Ctrl-C ends.");
            output.Flush();
        }

        try
        {
            while (true)
            {
                signal.Wait(cancel);
                // Quiet for the debounce interval: the save is complete.
                while (signal.Wait(Debounce, cancel))
                {
                }

                var changed = claims.Keys.ToHashSet(StringComparer.Ordinal);
                foreach (var path in changed) claims.TryRemove(path, out _);
                var all = Interlocked.Exchange(ref everything, 0) == 1;
                var rulesChanged = Interlocked.Exchange(ref rules, 0) == 1;
                try
                {
                    WatchUpdate update;
                    CheckOutcome outcome;
                    session.Gate.Wait(cancel);
                    try
                    {
                        update = session.Apply(all ? null : changed, rulesChanged);
                        outcome = session.Outcome;
                    }
                    finally
                    {
                        session.Gate.Release();
                    }

                    // A save a served check has already read in (or an event that changed nothing) has nothing to say.
                    if (update.FilesRead.Count > 0 || update.RulesReloaded) PrintLocked(update, outcome, output);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    lock (output) output.WriteLine($"factcheck: could not read the change: {ex.Message}; save again to retry");
                }

                lock (output) output.Flush();
            }
        }
        catch (OperationCanceledException)
        {
            lock (output)
            {
                output.WriteLine("factcheck: stopped watching");
                output.Flush();
            }
        }
    }

    /// <summary><see cref="Print"/> while no other thread writes to <paramref name="output"/> (a served check prints what it read in).</summary>
    public static void PrintLocked(WatchUpdate update, CheckOutcome outcome, TextWriter output)
    {
        lock (output)
        {
            Print(update, outcome, output);
            output.Flush();
        }
    }

    /// <summary>What one save changed, for a person at a terminal.</summary>
    public static void Print(WatchUpdate update, CheckOutcome outcome, TextWriter output)
    {
        var what = update.RulesReloaded ? "rules" : update.FilesRead.Count switch
        {
            0 => "no claims file",
            1 => update.FilesRead[0],
            var n => $"{n} claims files",
        };
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (!update.Checked)
        {
            var elsewhere = outcome.InputErrors.Count - update.LoadErrors.Count;
            output.WriteLine(
                $"factcheck: [{time}] {what}: {outcome.InputErrors.Count} input error(s){(elsewhere > 0 ? $" ({elsewhere} in other files)" : string.Empty)}; "
                + $"the rules run again once they are fixed ({update.Elapsed.TotalMilliseconds:F0} ms)");
        }
        else
        {
            output.WriteLine(
                $"factcheck: [{time}] {what}: {update.New.Count} new, {update.Fixed.Count} fixed; {outcome.Findings.Count} finding(s) in all"
                + $"{(outcome.RuleErrors.Count > 0 ? $", {outcome.RuleErrors.Count} rule error(s)" : string.Empty)} ({update.Elapsed.TotalMilliseconds:F0} ms)");
        }

        foreach (var error in update.LoadErrors) output.WriteLine($"  {error}");
        foreach (var f in update.New) output.WriteLine($"  new    {Line(f)}");
        foreach (var f in update.Fixed) output.WriteLine($"  fixed  {Line(f)}");
        foreach (var e in update.Checked ? outcome.RuleErrors : []) output.WriteLine($"  {e.RuleFile}:{e.RuleLine}:{e.RuleColumn}: error: rule '{e.RuleId}': {e.Message}");
    }

    private static string Line(CheckedFinding f) =>
        $"{f.Finding.File}:{f.Finding.Line}:{f.Finding.Column}: {f.Finding.Severity.ToString().ToLowerInvariant()}: {f.Finding.Message} [{f.Finding.RuleId}] ({f.Fingerprint[..8]})";

    private static string Describe(WatchSession session) =>
        session.RulesPath is null ? session.ClaimsPath + " (bundled rules)" : $"{session.ClaimsPath} and {session.RulesPath}";

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A folder (with its subfolders) or one file; <paramref name="lost"/> when events were dropped.</summary>
    private static FileSystemWatcher Watch(string path, Action<string> changed, Action lost)
    {
        var isFile = File.Exists(path);
        var watcher = new FileSystemWatcher(isFile ? Path.GetDirectoryName(path)! : path)
        {
            IncludeSubdirectories = !isFile,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        if (isFile) watcher.Filter = Path.GetFileName(path);
        watcher.Changed += (_, e) => changed(e.FullPath);
        watcher.Created += (_, e) => changed(e.FullPath);
        watcher.Deleted += (_, e) => changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            changed(e.OldFullPath);
            changed(e.FullPath);
        };
        watcher.Error += (_, _) => lost();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
