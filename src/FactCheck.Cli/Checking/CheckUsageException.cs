namespace FactCheck.Cli.Checking;

/// <summary>A command-line request that cannot be carried out as given (exit code 2, message only).</summary>
public sealed class CheckUsageException(string message) : Exception(message);
