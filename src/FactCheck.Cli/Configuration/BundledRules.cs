using System.Reflection;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Configuration;

/// <summary>
/// The rule pack shipped inside the tool (the repository's <c>rules/</c>, embedded as resources), used when a
/// project has no rules folder of its own and copied out by <c>factcheck rules export</c>.
/// </summary>
internal static class BundledRules
{
    private const string Prefix = "BundledRules/";

    /// <summary>The folder name the bundled files are shown under in positions (<c>bundled-rules/dates.yaml:12:3</c>).</summary>
    public const string DisplayFolder = "bundled-rules";

    /// <summary>Relative paths (with <c>/</c>) of the bundled files, in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(BundledRules).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Loads the bundled pack. The rule loader reads files (and rule tests read source texts beside them), so the pack
    /// is written to a fresh temporary folder first: a few KB, about a millisecond, and never a stale copy from another
    /// version. <paramref name="use"/> runs while the folder exists (rule tests read their texts then); it is removed after.
    /// </summary>
    public static T Load<T>(Func<RulePack, T> use)
    {
        var root = Directory.CreateTempSubdirectory("factcheck-bundled-rules-").FullName;
        try
        {
            Export(Path.Combine(root, DisplayFolder));
            return use(RulePackLoader.Load([DisplayFolder], root));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is not worth failing the run for.
            }
        }
    }

    /// <summary>Writes the bundled files under <paramref name="directory"/>; returns their relative paths.</summary>
    public static IReadOnlyList<string> Export(string directory)
    {
        var assembly = typeof(BundledRules).Assembly;
        foreach (var file in Files)
        {
            var target = Path.Combine(directory, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var resource = Open(assembly, file);
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            resource.CopyTo(output);
        }

        return Files;
    }

    private static Stream Open(Assembly assembly, string file) =>
        assembly.GetManifestResourceStream(Prefix + file)
        ?? assembly.GetManifestResourceStream(Prefix + file.Replace('/', '\\'))
        ?? throw new InvalidOperationException($"bundled rule file '{file}' is missing from the assembly");
}
