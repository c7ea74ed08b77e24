using FactCheck.Report.Internal;

namespace FactCheck.Report;

/// <summary>
/// A run being recorded (<see cref="ReportStore.BeginRun"/>): its sources, claims, appearances and citations are
/// written on a thread of their own, in the run's transaction, while the caller works out the findings;
/// <see cref="Complete"/> adds the rest and commits. Disposed without <see cref="Complete"/> (an exception, a
/// cancelled run), the transaction is rolled back and the report is left as it was, as it is when the process dies.
/// The store is busy until then.
/// </summary>
public sealed class PendingRun : IDisposable
{
    private readonly ReportStore _store;
    private Task<RunWriter.WrittenInputs>? _inputs;

    internal PendingRun(ReportStore store, Task<RunWriter.WrittenInputs> inputs)
    {
        _store = store;
        _inputs = inputs;
    }

    /// <summary>
    /// Writes the rest of the run (tool version, times, commit, rules, findings, errors) and commits it. The
    /// run's sources, claims, appearances and citations are not read again: <see cref="ReportStore.BeginRun"/>
    /// wrote them (pass them again or leave them empty). A claims digest given here wins over the one given or
    /// computed there.
    /// </summary>
    /// <returns>The new run's id.</returns>
    /// <exception cref="ReportException">The run could not be recorded (including its inputs); nothing was written.</exception>
    public long Complete(RunData run)
    {
        var inputs = _inputs ?? throw new InvalidOperationException("This run was already completed or disposed.");
        _inputs = null;
        RunWriter.WrittenInputs? written = null;
        long runId;
        try
        {
            runId = _store.Writing(() =>
            {
                RunValidator.ValidateResults(run);
                var hashing = RunWriter.HashFindings(run);
                written = inputs.GetAwaiter().GetResult();
                return RunWriter.WriteResults(_store.Connection, written, run, hashing, _store.StageCompleted);
            });
        }
        finally
        {
            written?.Dispose();
            if (written is null) Abandon(inputs);
            _store.EndRun(this);
        }

        _store.EnterWal();
        return runId;
    }

    /// <summary>Rolls the run back unless it was completed.</summary>
    public void Dispose()
    {
        if (_inputs is not { } inputs) return;
        _inputs = null;
        try
        {
            Abandon(inputs);
        }
        finally
        {
            _store.EndRun(this);
        }
    }

    /// <summary>Waits for the inputs' writer to stop (it holds the connection) and rolls back what it wrote.</summary>
    private static void Abandon(Task<RunWriter.WrittenInputs> inputs)
    {
        try
        {
            inputs.GetAwaiter().GetResult().Dispose();
        }
#pragma warning disable CA1031 // The writer's own failure was reported by Complete, or the run is being abandoned anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Nothing was left open: WriteInputs disposes its transaction (and restores the cache) when it fails.
        }
    }
}
