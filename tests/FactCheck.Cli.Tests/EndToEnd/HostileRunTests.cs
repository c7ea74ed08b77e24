using Microsoft.Data.Sqlite;

namespace FactCheck.Cli.Tests.EndToEnd;

/// <summary>
/// The command line when the environment or the pull request is hostile: outputs that cannot be written, a tampered
/// report, a broken run. Each ends with a clear message and a documented exit code, never "this is a bug".
/// </summary>
public sealed class HostileRunTests : IDisposable
{
    private static readonly string Story = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "Cases", "check-text");

    private readonly string _work = Directory.CreateTempSubdirectory("factcheck-hostile-run-").FullName;

    public HostileRunTests()
    {
        foreach (var dir in Directory.GetDirectories(Story, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(_work, Path.GetRelativePath(Story, dir)));
        foreach (var file in Directory.GetFiles(Story, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(_work, Path.GetRelativePath(Story, file)));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("missing/out.sarif", "the folder")]
    [InlineData(".", "it is a folder")]
    public void An_output_that_cannot_be_written_is_refused_before_the_run_is_recorded(string output, string why)
    {
        var (exit, _, error) = Run("check", "--format", "sarif", "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.DoesNotContain("This is a bug", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "factcheck.db")));
    }

    [Fact]
    public void An_output_through_a_link_replaces_the_file_it_leads_to_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows()) return; // Links need privileges there.
        var link = Path.Combine(_work, "latest.sarif");
        File.CreateSymbolicLink(link, "runs/out.sarif");
        Directory.CreateDirectory(Path.Combine(_work, "runs"));

        var (exit, _, error) = Run("check", "--no-report", "--format", "sarif", "-o", "latest.sarif");

        Assert.True(exit == ExitCodes.Findings, error);
        Assert.Equal("runs/out.sarif", new FileInfo(link).LinkTarget);
        Assert.Contains("\"ruleId\"", File.ReadAllText(Path.Combine(_work, "runs", "out.sarif")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_work, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_output_to_a_device_is_written_into_it_not_replaced()
    {
        if (OperatingSystem.IsWindows()) return; // No /dev there.

        // Through links of our own: were the device replaced, the link would be, not /dev/null or /dev/full.
        File.CreateSymbolicLink(Path.Combine(_work, "null"), "/dev/null");
        File.CreateSymbolicLink(Path.Combine(_work, "full"), "/dev/full");

        var (exit, _, error) = Run("check", "--no-report", "--format", "sarif", "-o", "null");
        Assert.True(exit == ExitCodes.Findings, error);
        Assert.Equal("/dev/null", new FileInfo(Path.Combine(_work, "null")).LinkTarget);

        // A full device: the run says so and fails, rather than reporting the output written.
        (exit, _, error) = Run("check", "--no-report", "--format", "sarif", "-o", "full");
        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("cannot write the output to 'full': No space left on device", error, StringComparison.Ordinal);
        Assert.Equal("/dev/full", new FileInfo(Path.Combine(_work, "full")).LinkTarget);
        Assert.Empty(Directory.EnumerateFiles(_work, "*.tmp"));
    }

    [Fact]
    public async Task An_output_to_a_pipe_reaches_its_reader()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc/self/fd is Linux's.

        // What the shell's >(...) gives: /dev/fd/63, a link to a pipe.
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In, HandleInheritability.None);
        using var client = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.Out, pipe.ClientSafePipeHandle);
        var read = Task.Run(() => new StreamReader(pipe).ReadToEnd());
        var fd = $"/proc/self/fd/{client.SafePipeHandle.DangerousGetHandle()}";

        var (exit, _, error) = Run("check", "--no-report", "--format", "json", "-o", fd);
        client.Dispose();
        pipe.DisposeLocalCopyOfClientHandle();

        Assert.True(exit == ExitCodes.Findings, error);
        Assert.Contains("\"ruleId\"", await read.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_to_a_named_pipe_reaches_its_reader_and_the_pipe_stays()
    {
        if (!OperatingSystem.IsLinux()) return; // mkfifo(1).
        var fifo = Path.Combine(_work, "findings.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var read = Task.Run(() => File.ReadAllText(fifo));

        var (exit, _, error) = Run("check", "--no-report", "--format", "json", "-o", "findings.fifo");

        Assert.True(exit == ExitCodes.Findings, error);
        Assert.Contains("\"ruleId\"", await read.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.Equal(FactCheck.Claims.Loading.FileKind.Special, FactCheck.Claims.Loading.FileKinds.Of(fifo));
    }

    [Fact]
    public void A_tampered_report_is_left_untouched_and_the_findings_still_come_out()
    {
        Assert.Equal(ExitCodes.Findings, Run("check").Exit);
        var report = Path.Combine(_work, "factcheck.db");
        using (var connection = new SqliteConnection($"Data Source={report};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER wipe AFTER INSERT ON runs BEGIN DELETE FROM findings; END; PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(report);
        var (exit, _, error) = Run("check", "--format", "sarif", "-o", "out.sarif");

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("trigger 'wipe' on runs is not FactCheck's", error, StringComparison.Ordinal);
        Assert.Contains("the run was not recorded", error, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\"", File.ReadAllText(Path.Combine(_work, "out.sarif")), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(report));
    }

    [Fact]
    public void Check_in_a_folder_without_claims_says_so_and_leaves_no_report_behind()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_work, "elsewhere", ".git")).Parent!.FullName;

        var (exit, _, error) = RunIn(empty, "check");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.DoesNotContain("recorded the run", error, StringComparison.Ordinal);
        Assert.Equal([".git"], Directory.EnumerateFileSystemEntries(empty).Select(Path.GetFileName));

        // With a report already there (the claims folder moved away), the failed run is recorded as before.
        Assert.Equal(ExitCodes.Findings, Run("check").Exit);
        Directory.Move(Path.Combine(_work, "claims"), Path.Combine(_work, "moved"));
        (exit, _, error) = Run("check");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("recorded the run in factcheck.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_invalid_input_does_not_become_the_latest_run()
    {
        var first = Run("check");
        Assert.True(first.Exit == ExitCodes.Findings, first.Output + first.Error);
        File.AppendAllText(Path.Combine(_work, "claims", "story.yaml"), "\nunknown_root_key: 1\n");
        Assert.Equal(ExitCodes.InvalidInput, Run("check").Exit);

        var (exit, output, _) = Run("report");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("run 1 ", output, StringComparison.Ordinal);
        Assert.Equal("1,complete\n2,failed\n", Run("query", "SELECT run_id, status FROM runs", "--format", "csv").Output.Split('\n', 2)[1]);
    }

    [Fact]
    public void Checking_the_working_folder_itself_keeps_the_report_inside_it()
    {
        // Run from inside claims/: the project is the folder holding claims/ and rules/, and the report goes there,
        // never into the folder above the project.
        var claims = Path.Combine(_work, "claims");
        var (exit, _, _) = RunIn(claims, "check", "--claims", ".", "--rules", "../rules");

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.True(File.Exists(Path.Combine(_work, "factcheck.db")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_work)!, "factcheck.db")));
    }

    [Fact]
    public void A_closed_standard_output_is_an_input_output_error_not_a_bug()
    {
        var error = new StringWriter();
        var exit = FactCheckApp.Run(["validate"], new ClosedWriter(), error, _work);

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("input/output error", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("This is a bug", error.ToString(), StringComparison.Ordinal);
    }

    private (int Exit, string Output, string Error) Run(params string[] args) => RunIn(_work, args);

    private static (int Exit, string Output, string Error) RunIn(string directory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = FactCheckApp.Run(args, output, error, directory);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Standard output closed (<c>factcheck validate &gt;&amp;-</c>): each write fails as .NET reports EBADF.</summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor"));
    }
}
