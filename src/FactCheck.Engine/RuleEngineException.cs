namespace FactCheck.Engine;

/// <summary>Base of the engine's exceptions.</summary>
public class RuleEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEngineException(string message, Exception? inner = null) : base(message, inner) { }
}
