namespace FactCheck.Engine;

/// <summary>
/// Thrown under <see cref="ErrorPolicy.Stop"/> after an operation during which conditions or actions threw.
/// The session is consistent and may be used further.
/// </summary>
public sealed class RuleEvaluationException : RuleEngineException
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException(IReadOnlyList<RuleEvaluationError> errors)
        : base(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} rule evaluation errors; first: {errors[0]}", errors[0].Exception)
    {
        Errors = errors;
    }

    /// <summary>The errors of the operation, in order.</summary>
    public IReadOnlyList<RuleEvaluationError> Errors { get; }
}
