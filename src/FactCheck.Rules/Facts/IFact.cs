namespace FactCheck.Rules.Facts;

/// <summary>
/// What every fact rules see has: the YAML position it came from (so a finding points at
/// <c>file:line:col</c>) and a stable key (so a finding's fingerprint survives edits elsewhere).
/// </summary>
public interface IFact
{
    /// <summary>Stable identity, e.g. <c>claim:putin-no-alliance</c> or <c>appearance:putin-no-alliance#1</c>.</summary>
    string Key { get; }

    string File { get; }

    int Line { get; }

    int Column { get; }
}
