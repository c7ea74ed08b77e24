using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>File names are input too: a claims file whose name holds a newline and escape sequences cannot forge lines.</summary>
public sealed class HostileNamesTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-names-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Validate_and_check_escape_a_hostile_file_name()
    {
        if (OperatingSystem.IsWindows()) return; // Windows file names cannot hold these characters.
        var claims = Directory.CreateDirectory(Path.Combine(_work, "claims")).FullName;
        var name = "x\n::error file=a,line=1::forged\u001b[2J\u0007\u202e.yaml";
        File.WriteAllText(Path.Combine(claims, name), "sources:\n  - {id: Bad, kind: article}\n");

        foreach (var args in new[] { new[] { "validate" }, ["check", "--no-report", "--rules", "rules"], ["check", "--no-report", "--format", "github"] })
        {
            Directory.CreateDirectory(Path.Combine(_work, "rules"));
            var stdout = new StringWriter { NewLine = "\n" };
            var exit = FactCheckApp.Run(args, stdout, TextWriter.Null, _work);
            var output = stdout.ToString();
            Assert.Equal(ExitCodes.InvalidInput, exit);
            // Text escapes the newline as \n; a workflow command's property as GitHub's %0A.
            var newline = args.Contains("github") ? "%0A" : "\\n";
            Assert.Contains($"claims/x{newline}::error file=a,line=1::forged\\x1B[2J\\x07\\u202E.yaml", output.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain(output, c => TerminalText.IsUnsafe(c) && c != '\n');
            Assert.All(output.Split('\n'), line => Assert.False(line.StartsWith("::error file=a", StringComparison.Ordinal), line));
        }
    }
}
