namespace FactCheck.Benchmarks;

/// <summary>One end-to-end measurement, chosen by name on the command line.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    /// <returns>The process exit code.</returns>
    int Run(string[] args);
}
