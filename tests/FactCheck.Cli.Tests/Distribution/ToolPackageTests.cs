namespace FactCheck.Cli.Tests.Distribution;

/// <summary>
/// The .NET tool as a user gets it: `dotnet pack`, `dotnet tool install` from the local package (into a temporary
/// tool path, with a NuGet configuration that knows only that folder, so nothing is fetched), then `factcheck` run in
/// a folder of claims with no rules/ beside them. One test: packing and installing take tens of seconds.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void Packed_tool_installs_and_checks_claims_with_the_bundled_pack_and_a_config()
    {
        // The configuration the tests were built in (bin/<configuration>/net10.0/): the CLI was built in it too.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var work = Directory.CreateTempSubdirectory("factcheck-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var pack = Processes.Run(
                Processes.Dotnet, ["pack", RepositoryPaths.Combine("src", "FactCheck.Cli"), "-c", configuration, "--no-build", "-o", packages], work, Limit);
            Assert.True(pack.ExitCode == 0, pack.ToString());
            Assert.Single(Directory.GetFiles(packages, "FactCheck.*.nupkg"));

            var nugetConfig = Path.Combine(work, "nuget.config");
            File.WriteAllText(nugetConfig, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            var tools = Path.Combine(work, "tools");
            var install = Processes.Run(Processes.Dotnet, ["tool", "install", "FactCheck", "--tool-path", tools, "--configfile", nugetConfig], work, Limit);
            Assert.True(install.ExitCode == 0, install.ToString());

            // A project with claims and no rules: run from inside claims/, as an editor would.
            var project = Path.Combine(work, "project");
            CopyDirectory(RepositoryPaths.Combine("claims"), Path.Combine(project, "claims"));
            var factcheck = Path.Combine(tools, OperatingSystem.IsWindows() ? "factcheck.exe" : "factcheck");
            var environment = new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.GetDirectoryName(Processes.Dotnet) is { Length: > 0 } root ? root : string.Empty };
            var check = Processes.Run(factcheck, ["check"], Path.Combine(project, "claims"), Limit, environment);
            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("using the rule pack bundled with FactCheck", check.Error, StringComparison.Ordinal);
            Assert.Contains(" in 28 claims;", check.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(project, "factcheck.db")), "the report lands beside claims/, inside the project");

            // factcheck.yaml above the working folder is honoured: warnings now fail the run.
            File.WriteAllText(Path.Combine(project, "factcheck.yaml"), "fail-on: warning\nreport: false\n");
            var strict = Processes.Run(factcheck, ["check"], Path.Combine(project, "claims"), Limit, environment);
            Assert.True(strict.ExitCode == 1, strict.ToString());

            var export = Processes.Run(factcheck, ["rules", "export"], Path.Combine(project, "claims"), Limit, environment);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.True(File.Exists(Path.Combine(project, "rules", "attribution.yaml")), export.ToString());
            var exported = Processes.Run(factcheck, ["check"], project, Limit, environment);
            Assert.DoesNotContain("bundled", exported.Error, StringComparison.Ordinal);
            Assert.Equal(1, exported.ExitCode);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
