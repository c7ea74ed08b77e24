namespace FactCheck.Engine;

/// <summary>Event data for <see cref="ISession.ActivationCreated"/>, <see cref="ISession.ActivationFired"/> and <see cref="ISession.ActivationDeleted"/>.</summary>
public sealed class ActivationEventArgs(RuleMatch match) : EventArgs
{
    /// <summary>The activation's match.</summary>
    public RuleMatch Match { get; } = match;
}
