namespace FactCheck.Cli;

/// <summary>The documented exit codes; CI scripts depend on them.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the failure threshold.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the failure threshold (or rule tests that failed).</summary>
    public const int Findings = 1;

    /// <summary>Invalid input: claims, rules, or command-line usage.</summary>
    public const int InvalidInput = 2;

    /// <summary>An internal error: a bug in FactCheck, or the environment (disk, report file).</summary>
    public const int InternalError = 3;
}
