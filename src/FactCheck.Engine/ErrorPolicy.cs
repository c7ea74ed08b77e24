namespace FactCheck.Engine;

/// <summary>What a session does after a condition or action threw. In every case the session's state stays consistent.</summary>
public enum ErrorPolicy
{
    /// <summary>
    /// The operation completes (a throwing condition counts as false; a throwing action ends that firing), then
    /// <see cref="RuleEvaluationException"/> is thrown with the errors. The session remains usable.
    /// </summary>
    Stop,
    /// <summary>Errors are recorded in <see cref="ISession.Errors"/> and raised as <see cref="ISession.Error"/>; processing goes on.</summary>
    Continue,
}
