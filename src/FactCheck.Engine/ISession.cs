namespace FactCheck.Engine;

/// <summary>
/// Working memory + agenda. A session is single-threaded: do not call it from several threads at once, nor from its
/// own event handlers (actions use <see cref="IActionContext"/>). Fact identity is by reference: two equal records are
/// two facts.
/// </summary>
/// <remarks>
/// Every operation propagates completely before it returns; retracting or updating a fact touches only the partial
/// matches that contain it. Conflict resolution (which activation fires next): higher rule priority first, then lower
/// declaration order, then the most recently created activation — deterministic for the same operations in the same order.
/// </remarks>
public interface ISession
{
    /// <summary>Inserts a fact; throws <see cref="InvalidOperationException"/> if this very object is already in the session.</summary>
    void Insert(object fact);

    /// <summary>Inserts a fact unless present; returns whether it was inserted.</summary>
    bool TryInsert(object fact);

    /// <summary>Inserts facts in order (aggregates are recomputed once at the end).</summary>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Re-evaluates a fact after it was mutated; throws <see cref="InvalidOperationException"/> for an unknown fact.</summary>
    void Update(object fact);

    /// <summary>Updates a fact if present.</summary>
    bool TryUpdate(object fact);

    /// <summary>Retracts a fact; throws <see cref="InvalidOperationException"/> for an unknown fact.</summary>
    void Retract(object fact);

    /// <summary>Retracts a fact if present.</summary>
    bool TryRetract(object fact);

    /// <summary>Whether this very object is in the session.</summary>
    bool Contains(object fact);

    /// <summary>
    /// Fires activations in agenda order until the agenda is empty, an action halts, or <paramref name="maxFirings"/>
    /// firings happened; returns the number of firings. Throws <see cref="RuleLoopException"/> past
    /// <see cref="SessionOptions.MaxFirings"/> firings in one call.
    /// </summary>
    int Fire(int maxFirings = int.MaxValue);

    /// <summary>The facts assignable to <typeparamref name="T"/>, in insertion order.</summary>
    IReadOnlyList<T> Query<T>();

    /// <summary>All facts, in insertion order.</summary>
    IReadOnlyList<object> Facts { get; }

    /// <summary>The activations waiting on the agenda, in firing order.</summary>
    IReadOnlyList<RuleMatch> Agenda { get; }

    /// <summary>Every firing so far, in order (empty when <see cref="SessionOptions.RecordFirings"/> is off).</summary>
    IReadOnlyList<RuleFiring> Firings { get; }

    /// <summary>Errors recorded so far (all policies), in order.</summary>
    IReadOnlyList<RuleEvaluationError> Errors { get; }

    /// <summary>Raised when a match enters the agenda.</summary>
    event EventHandler<ActivationEventArgs>? ActivationCreated;

    /// <summary>Raised after an activation's actions ran.</summary>
    event EventHandler<ActivationEventArgs>? ActivationFired;

    /// <summary>Raised when a match leaves the agenda without firing (its conditions stopped holding).</summary>
    event EventHandler<ActivationEventArgs>? ActivationDeleted;

    /// <summary>Raised for each evaluation error as it is recorded.</summary>
    event EventHandler<RuleEvaluationError>? Error;
}
