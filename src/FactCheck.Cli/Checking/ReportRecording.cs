using System.Runtime.CompilerServices;
using FactCheck.Claims.Model;
using FactCheck.Cli.Output;
using FactCheck.Report;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Checking;

/// <summary>
/// The report side of a check, beside the rules: as soon as the claims are loaded, the report is opened and the
/// claims, sources, appearances and citations (which do not depend on the findings) are mapped and written on a
/// thread of their own, in the run's transaction; <see cref="Complete"/> adds rules, findings and errors and commits.
/// Disposed without it (the rules threw), the transaction is rolled back and the report stays as it was.
/// </summary>
internal sealed class ReportRecording : IDisposable
{
    /// <summary>
    /// Per report file, what the report remembers between the runs a session (<c>serve</c>) records: with the claims'
    /// rows kept by <see cref="ReportMapping"/>, the report links the files and findings that did not change without
    /// hashing or reading them again (see <see cref="RunMemory"/>).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RunMemory> Memories = new(StringComparer.Ordinal);

    private readonly Task<string?> _commit;
    private readonly Task<Begun> _begun;

    private ReportRecording(Task<string?> commit, Task<Begun> begun)
    {
        _commit = commit;
        _begun = begun;
    }

    /// <param name="commit">The git commit of the run (<see cref="GitInfo.CurrentCommit"/>), looked up beside the loading.</param>
    public static ReportRecording Start(string path, ClaimSet claims, Task<string?> commit)
    {
        Task<Begun> begun;
        // A session answering checks records run after run of mostly the same claims: their rows are kept between runs.
        var served = Serving.ServedCheck.Current is not null;
        // A thread of its own: the rules keep the thread pool's threads busy for seconds.
        using (ExecutionContext.SuppressFlow())
        {
            // The claims go in a box the writer empties once it has mapped them: nothing here keeps them alive after that.
            var box = new StrongBox<ClaimSet?>(claims);
            begun = Task.Factory.StartNew(() => Begin(path, box, served), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return new ReportRecording(commit, begun);
    }

    private static Begun Begin(string path, StrongBox<ClaimSet?> claims, bool served)
    {
        var inputs = ReportMapping.Inputs(claims.Value!, keep: served);
        claims.Value = null;
        ReportStore store;
        try
        {
            store = ReportStore.Open(path);
        }
        catch (ReportException e)
        {
            return new Begun(null, null, e);
        }

        try
        {
            // The mapped rows are referenced by the pending run only, which lets go of them once they are written.
            return new Begun(store, store.BeginRun(inputs, served ? Memories.GetOrAdd(store.Path, _ => new RunMemory()) : null), null);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Records the rest of the run and commits it.</summary>
    /// <exception cref="ReportNotRecordedException">The report refused the run; it carries the outcome, to be written anyway.</exception>
    public void Complete(IReadOnlyList<RuleInfo> rules, CheckOutcome outcome, DateTimeOffset started)
    {
        var (store, run, error) = _begun.GetAwaiter().GetResult();
        try
        {
            if (error is not null) throw error;
            run!.Complete(ReportMapping.Results(rules, outcome, started, DateTimeOffset.UtcNow, _commit.GetAwaiter().GetResult()));
        }
        catch (ReportException ex)
        {
            throw new ReportNotRecordedException(outcome, ex);
        }
        finally
        {
            store?.Dispose();
        }
    }

    /// <summary>Rolls back a run that was not completed, and closes the report.</summary>
    public void Dispose()
    {
        // Waits for the writer: it uses the report's connection. A failure to begin was reported by Complete, or the
        // run is being abandoned for another exception already on its way.
        ((IAsyncResult)_begun).AsyncWaitHandle.WaitOne();
        if (_begun.IsCompletedSuccessfully) _begun.Result.Store?.Dispose();
    }

    private sealed record Begun(ReportStore? Store, PendingRun? Run, ReportException? Error);
}
