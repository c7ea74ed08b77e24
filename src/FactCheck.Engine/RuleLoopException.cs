namespace FactCheck.Engine;

/// <summary>
/// <see cref="ISession.Fire"/> reached <see cref="SessionOptions.MaxFirings"/>: probably rules re-activating each other
/// forever. The pending activation stays on the agenda; the session is consistent.
/// </summary>
public sealed class RuleLoopException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    public RuleLoopException(int firings, IReadOnlyList<string> rules)
        : base($"rule loop: more than {firings} firings in one Fire call; rules firing most recently: {string.Join(", ", rules)}")
    {
        Firings = firings;
        Rules = rules;
    }

    /// <summary>The limit that was reached.</summary>
    public int Firings { get; }

    /// <summary>The rules seen in the most recent firings, most frequent first.</summary>
    public IReadOnlyList<string> Rules { get; }
}
