using System.Runtime.CompilerServices;

namespace FactCheck.Cli.Tests.Output;

/// <summary>Files kept beside these tests in the source tree (snapshots, the SARIF schema).</summary>
internal static class TestPaths
{
    public static string OutputFolder { get; } = Path.GetDirectoryName(Here())!;

    public static string Snapshots => Path.Combine(OutputFolder, "Snapshots");

    public static string SarifSchema => Path.Combine(OutputFolder, "Schemas", "sarif-schema-2.1.0.json");

    private static string Here([CallerFilePath] string path = "") => path;
}
