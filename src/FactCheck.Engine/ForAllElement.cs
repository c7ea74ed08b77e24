namespace FactCheck.Engine;

/// <summary>
/// Holds when every fact matching <paramref name="BasePattern"/> also satisfies each of <paramref name="MustMatch"/>
/// (vacuously true when nothing matches the base pattern).
/// </summary>
/// <remarks>
/// A must-match pattern with the SAME name as the base pattern is a further test on the base fact itself (its conditions
/// use that name). A must-match pattern with another name requires at least one such fact per base fact; its conditions
/// may refer to the base name and to earlier bindings. Names bound inside are not visible after the element.
/// Compiled as <c>not(base and not(mustMatch))</c> for each must-match pattern.
/// </remarks>
public sealed record ForAllElement(PatternElement BasePattern, IReadOnlyList<PatternElement> MustMatch) : RuleElement;
