using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace FactCheck.Cli.Tests.Distribution;

/// <summary>
/// The .NET tool as a user gets it: `dotnet pack` of the CLI (the README's command) writes RID-specific tool packages,
/// `dotnet tool install` takes them from that folder only (a NuGet configuration that knows nothing else, so nothing
/// is fetched), and `factcheck` runs in a folder of claims with no rules/ beside them. The pack is made once for the
/// class: building it for each platform and compiling ReadyToRun code takes tens of seconds.
/// </summary>
public sealed partial class ToolPackageTests(ToolPackageTests.ProjectPack pack) : IClassFixture<ToolPackageTests.ProjectPack>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>The project's pack: about 40 s of CPU, over four minutes on this 2-core machine when it is busy.</summary>
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(10);

    /// <summary>The platforms packed with ReadyToRun code; every other one installs FactCheck.any.</summary>
    private static readonly string[] ReadyToRunRids = ["linux-x64", "linux-musl-x64"];

    /// <summary>The installed command is an app host (or a shim) that finds the runtime through DOTNET_ROOT.</summary>
    private static readonly Dictionary<string, string> ToolEnvironment =
        new() { ["DOTNET_ROOT"] = Path.GetDirectoryName(Processes.Dotnet) is { Length: > 0 } root ? root : string.Empty };

    [Fact]
    public void Project_pack_writes_a_pointer_package_and_one_package_per_platform_with_a_portable_fallback()
    {
        Assert.True(pack.Result.ExitCode == 0, pack.Result.ToString());
        Assert.Equal(
            ["FactCheck", "FactCheck.any", "FactCheck.linux-musl-x64", "FactCheck.linux-x64"],
            Directory.GetFiles(pack.Packages, "*.nupkg").Select(PackageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Packed_tool_installs_the_package_for_this_platform_and_checks_claims_with_the_bundled_pack_and_a_config()
    {
        Assert.True(pack.Result.ExitCode == 0, pack.Result.ToString());
        var work = Directory.CreateTempSubdirectory("factcheck-tool-").FullName;
        try
        {
            var tools = Path.Combine(work, "tools");
            var install = Processes.Run(Processes.Dotnet, ["tool", "install", "FactCheck", "--tool-path", tools, "--configfile", pack.NuGetConfig], work, Limit);
            Assert.True(install.ExitCode == 0, install.ToString());

            // linux-x64 (here and in CI) gets its own package, whose assemblies carry ReadyToRun code.
            var rid = ReadyToRunRids.Contains(RuntimeInformation.RuntimeIdentifier) ? RuntimeInformation.RuntimeIdentifier : "any";
            var assembly = InstalledAssembly(tools);
            Assert.Contains($"factcheck.{rid}", assembly, StringComparison.Ordinal);
            Assert.Equal(rid != "any", IsReadyToRun(assembly));

            // A project with claims and no rules: run from inside claims/, as an editor would.
            var project = Path.Combine(work, "project");
            CopyDirectory(RepositoryPaths.Combine("claims"), Path.Combine(project, "claims"));
            var factcheck = Command(tools);
            var check = Processes.Run(factcheck, ["check"], Path.Combine(project, "claims"), Limit, ToolEnvironment);
            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("using the rule pack bundled with FactCheck", check.Error, StringComparison.Ordinal);
            Assert.Contains(" in 28 claims;", check.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(project, "factcheck.db")), "the report lands beside claims/, inside the project");

            // factcheck.yaml above the working folder is honoured: warnings now fail the run.
            File.WriteAllText(Path.Combine(project, "factcheck.yaml"), "fail-on: warning\nreport: false\n");
            var strict = Processes.Run(factcheck, ["check"], Path.Combine(project, "claims"), Limit, ToolEnvironment);
            Assert.True(strict.ExitCode == 1, strict.ToString());

            var export = Processes.Run(factcheck, ["rules", "export"], Path.Combine(project, "claims"), Limit, ToolEnvironment);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.True(File.Exists(Path.Combine(project, "rules", "attribution.yaml")), export.ToString());
            var exported = Processes.Run(factcheck, ["check"], project, Limit, ToolEnvironment);
            Assert.DoesNotContain("bundled", exported.Error, StringComparison.Ordinal);
            Assert.Equal(1, exported.ExitCode);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void A_platform_without_its_own_package_installs_the_portable_one_and_it_runs()
    {
        Assert.True(pack.Result.ExitCode == 0, pack.Result.ToString());
        var work = Directory.CreateTempSubdirectory("factcheck-tool-").FullName;
        try
        {
            // The host's DOTNET_RUNTIME_ID makes `dotnet tool install` choose as it would on that platform (linux-arm64 has
            // no package of its own: the RID graph leads it to `any`); the portable tool then runs here as anywhere.
            var elsewhere = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-riscv64" : "linux-arm64";
            var tools = Path.Combine(work, "tools");
            var install = Processes.Run(
                Processes.Dotnet, ["tool", "install", "FactCheck", "--tool-path", tools, "--configfile", pack.NuGetConfig], work, Limit,
                new Dictionary<string, string> { ["DOTNET_RUNTIME_ID"] = elsewhere });
            Assert.True(install.ExitCode == 0, install.ToString());
            var assembly = InstalledAssembly(tools);
            Assert.Contains("factcheck.any", assembly, StringComparison.Ordinal);
            Assert.False(IsReadyToRun(assembly));

            var check = Processes.Run(Command(tools), ["check", "--no-report"], RepositoryPaths.Root, Limit, ToolEnvironment);
            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains(" in 28 claims;", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Solution_pack_as_pre_commit_runs_it_writes_one_portable_package_that_installs()
    {
        // pre-commit's dotnet hooks run `dotnet pack` at the top and install every package in the folder as a tool, which
        // RID-specific packages cannot survive (each would claim the `factcheck` command): the solution keeps one package.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var work = Directory.CreateTempSubdirectory("factcheck-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var solutionPack = Processes.Run(
                Processes.Dotnet, ["pack", RepositoryPaths.Combine("FactCheck.sln"), "-c", configuration, "--no-build", "-o", packages], work, Limit);
            Assert.True(solutionPack.ExitCode == 0, solutionPack.ToString());
            var package = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
            Assert.Equal("FactCheck", PackageId(package));

            var tools = Path.Combine(work, "tools");
            var install = Processes.Run(
                Processes.Dotnet, ["tool", "install", "FactCheck", "--tool-path", tools, "--configfile", ProjectPack.WriteNuGetConfig(work, packages)], work, Limit);
            Assert.True(install.ExitCode == 0, install.ToString());
            Assert.False(IsReadyToRun(InstalledAssembly(tools)));
            var validate = Processes.Run(Command(tools), ["validate"], RepositoryPaths.Root, Limit, ToolEnvironment);
            Assert.True(validate.ExitCode == 0, validate.ToString());
            Assert.Contains("28 claims", validate.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>`dotnet pack` of the CLI project, as the README gives it, into a temporary folder, once for the class.</summary>
    public sealed class ProjectPack : IDisposable
    {
        private readonly string _work = Directory.CreateTempSubdirectory("factcheck-pack-").FullName;

        public ProjectPack()
        {
            // The configuration the tests were built in (bin/<configuration>/net10.0/). Not --no-build: the packages for
            // each platform are builds of their own (restored for those platforms, with ReadyToRun compilation).
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            Packages = Path.Combine(_work, "packages");
            Result = Processes.Run(Processes.Dotnet, ["pack", RepositoryPaths.Combine("src", "FactCheck.Cli"), "-c", configuration, "-o", Packages], _work, PackLimit);
            NuGetConfig = WriteNuGetConfig(_work, Packages);
        }

        internal Processes.Result Result { get; }

        internal string Packages { get; }

        internal string NuGetConfig { get; }

        internal static string WriteNuGetConfig(string folder, string packages)
        {
            var path = Path.Combine(folder, "nuget.config");
            File.WriteAllText(path, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            return path;
        }

        public void Dispose() => Directory.Delete(_work, recursive: true);
    }

    private static string Command(string tools) => Path.Combine(tools, OperatingSystem.IsWindows() ? "factcheck.exe" : "factcheck");

    /// <summary>The CLI's assembly in the tool store: .store/factcheck/VERSION/PACKAGE/VERSION/tools/net10.0/RID/.</summary>
    private static string InstalledAssembly(string tools) =>
        Assert.Single(Directory.GetFiles(Path.Combine(tools, ".store"), "factcheck.dll", SearchOption.AllDirectories));

    /// <summary>ReadyToRun images carry a managed native header in their CLI header; IL-only assemblies do not.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string PackageId(string nupkg)
    {
        var match = VersionSuffix().Match(Path.GetFileName(nupkg));
        Assert.True(match.Success, nupkg);
        return match.Groups["id"].Value;
    }

    [GeneratedRegex(@"^(?<id>.+?)\.\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\.nupkg$")]
    private static partial Regex VersionSuffix();

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
