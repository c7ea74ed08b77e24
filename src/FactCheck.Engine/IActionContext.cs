namespace FactCheck.Engine;

/// <summary>
/// What an action sees while its activation fires: the match and the session operations. Valid only during the call.
/// Every operation is propagated completely before it returns (the agenda is updated at once; the next activation is
/// chosen after all actions of this firing have run).
/// </summary>
public interface IActionContext
{
    /// <summary>The rule that fired.</summary>
    RuleDefinition Rule { get; }

    /// <summary>The match (names and bound values in declaration order); also the explanation of the firing.</summary>
    RuleMatch Match { get; }

    /// <summary>The value bound to <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> for an unbound name.</summary>
    object? Get(string name);

    /// <summary>The bound values in declaration order (facts, or aggregate results).</summary>
    IReadOnlyList<object?> Facts { get; }

    /// <summary>The session being fired (e.g. for <see cref="ISession.Query{T}"/>).</summary>
    ISession Session { get; }

    /// <summary>Inserts a fact (independent of this activation). Throws if the fact (same reference) is already present.</summary>
    void Insert(object fact);

    /// <summary>
    /// Inserts a fact linked to this activation (truth maintenance): it is retracted automatically when this
    /// activation's match stops holding (one of its facts is retracted or updated, or a negated condition becomes false).
    /// Returns false, inserting nothing, when the match has already stopped holding during this firing.
    /// </summary>
    bool InsertLinked(object fact);

    /// <summary>Re-evaluates a fact after it was mutated (rules matching it are re-activated).</summary>
    void Update(object fact);

    /// <summary>Retracts a fact.</summary>
    void Retract(object fact);

    /// <summary>Stops <see cref="ISession.Fire"/> after this firing.</summary>
    void Halt();
}
