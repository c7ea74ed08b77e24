namespace FactCheck.Cli.Output;

/// <summary>An output file could not be written; <see cref="ExitCode"/> tells a usage error from the environment's.</summary>
internal sealed class OutputFileException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
