using FactCheck.Rules.Running;

namespace FactCheck.Cli.Output;

/// <summary>A finding with its stable fingerprint and whether it is new against the baseline (always new without one).</summary>
/// <param name="Fails">True when this finding makes the run fail: at or above --fail-on, and new against the baseline.</param>
public sealed record CheckedFinding(Finding Finding, string Fingerprint, bool IsNew, bool Fails);
