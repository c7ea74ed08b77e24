using System.Diagnostics;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Watching;
using FactCheck.Rules.Language;
using FactCheck.Tests;

namespace FactCheck.Cli.Tests.Watching;

/// <summary>The loop with a real file-system watcher: a save is seen, checked and reported, and cancelling ends it.</summary>
public sealed class WatchLoopTests : IDisposable
{
    private readonly StringWriter _written = new();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-watchloop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_saved_file_is_checked_and_reported_and_cancelling_ends_the_loop()
    {
        using var stop = new CancellationTokenSource();
        var (output, loop) = await StartWatching(stop.Token);

        File.Delete(Path.Combine(_root, "claims", "zhang.yaml"));
        var line = await WaitFor(output, "claims/zhang.yaml: 0 new, ");
        Assert.DoesNotContain(": 0 new, 0 fixed", line);
        await WaitFor(output, "  fixed  claims/zhang.yaml:");

        var context = Path.Combine(_root, "claims", "context.yaml");
        var text = await File.ReadAllTextAsync(context);
        await File.WriteAllTextAsync(context, text + "  - id: [unclosed\n");
        await WaitFor(output, "input error(s)");
        // The errors are written after that line: wait for them rather than race the loop.
        await WaitFor(output, "  claims/context.yaml:");

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.EndsWith("factcheck: stopped watching", Written(output).TrimEnd());
    }

    [Fact]
    public async Task A_save_by_rename_reads_that_file_alone_and_a_changed_source_text_reads_the_files_citing_it()
    {
        using var stop = new CancellationTokenSource();
        var (output, loop) = await StartWatching(stop.Token);

        // As `sed -i` and many editors save: a temporary file beside it (not YAML), renamed over the file; a swap file too.
        var putin = Path.Combine(_root, "claims", "putin.yaml");
        var temporary = Path.Combine(_root, "claims", "sedX1b2c3");
        await File.WriteAllTextAsync(Path.Combine(_root, "claims", ".putin.yaml.swp"), "swap");
        await File.WriteAllTextAsync(temporary, await File.ReadAllTextAsync(putin) + "# saved again\n");
        File.Move(temporary, putin, overwrite: true);
        var saved = await WaitFor(output, "] claims/putin.yaml: ");
        Assert.DoesNotContain("claims files", Written(output));

        // A source's text is not YAML, yet the files whose claims it backs are read again (found by its stamp).
        var text = Path.Combine(_root, "claims", "texts", "rewrite.txt");
        await File.AppendAllTextAsync(text, "\n");
        var cited = await WaitFor(output, "] claims/sources.yaml: ");
        Assert.NotEqual(saved, cited);

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("check", "--watch")]
    [InlineData("serve")]
    public async Task A_claims_folder_that_does_not_exist_is_an_input_error_not_a_watch(params string[] command)
    {
        Directory.CreateDirectory(_root);
        using var folder = FactCheck.Cli.Serving.ServerFolder.Use(Path.Combine(_root, "servers"));
        var output = new StringWriter();
        var error = new StringWriter();
        var run = Task.Run(() => FactCheckApp.Run([.. command, "--claims", "missing", "--rules", RepositoryPaths.Combine("rules")], output, error, _root));
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("missing' does not exist", output.ToString() + error.ToString());
        Assert.DoesNotContain("internal error", error.ToString());
    }

    /// <summary>The bundled claims and rules copied to a folder of the test's own, watched until <paramref name="cancel"/> fires.</summary>
    private async Task<(TextWriter Output, Task Loop)> StartWatching(CancellationToken cancel)
    {
        foreach (var folder in new[] { "claims", "rules" }) Copy(RepositoryPaths.Combine(folder), Path.Combine(_root, folder));
        var session = new WatchSession(new CheckOptions("claims", "rules", null, null, RuleSeverity.Error, []), _root);
        var output = TextWriter.Synchronized(_written);
        var loop = Task.Run(() => WatchLoop.Run(session, output, cancel));
        await WaitFor(output, "factcheck: watching");
        return (output, loop);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>The first line holding <paramref name="text"/>; generous, as the machine may be busy.</summary>
    private async Task<string> WaitFor(TextWriter output, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var line = Written(output).Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null) return line;
            await Task.Delay(50);
        }

        throw new TimeoutException($"no line with '{text}' in 60 s:\n{output}");
    }

    /// <summary>The loop's writer locks itself for each write (<see cref="TextWriter.Synchronized"/>): read under the same lock.</summary>
    private string Written(TextWriter output)
    {
        lock (output) return _written.ToString();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
