using System.Net.Sockets;
using System.Text.RegularExpressions;
using FactCheck.Cli.Configuration;
using FactCheck.Cli.Serving;
using FactCheck.Cli.Watching;
using FactCheck.Tests;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FactCheck.Cli.Tests.Serving;

/// <summary>
/// A <c>check</c> answered by a running session must print, exit and record exactly what an in-process check does:
/// random edits to a copy of the bundled claims (files changed, broken, deleted, added, a source text changed, a rule
/// changed), none of them told to the session (no file watcher runs: the session must find them from the disk), each
/// followed by the same check through the session and in-process, in every output format.
/// </summary>
public sealed partial class ServedCheckTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-served-" + Guid.NewGuid().ToString("N"));
    private readonly string _sockets;
    private readonly ITestOutputHelper _log;

    public ServedCheckTests(ITestOutputHelper log)
    {
        _log = log;
        Copy(RepositoryPaths.Combine("claims"), Path.Combine(_root, "work", "claims"));
        Copy(RepositoryPaths.Combine("rules"), Path.Combine(_root, "work", "rules"));
        // A socket path is limited to 107 bytes: the temporary folder may be long, the name is short.
        _sockets = Path.Combine(Path.GetTempPath(), "fcs-" + Guid.NewGuid().ToString("N")[..8]);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_sockets);
        else Directory.CreateDirectory(_sockets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string Work => Path.Combine(_root, "work");

    private string Claims => Path.Combine(Work, "claims");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_edits_checked_through_the_session_print_exit_and_record_what_an_in_process_check_does(int seed)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(_sockets);
        var session = new WatchSession(Settings().Options, Work);
        using var server = CheckServer.Start(session, synced: null, out var why);
        Assert.True(server is not null, why);

        var random = new Random(seed);
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        var expectedServed = 0;
        var lastExit = 0;
        var exits = new List<int>();
        for (var step = 0; step < 16; step++)
        {
            // An edit that broke the input is mostly undone by the next one, as an editor would: most steps must be
            // checks the rules run on.
            var what = step == 0 ? "nothing changed" : lastExit == 2 && random.Next(4) != 0 ? RestoreAll(saved) : Edit(random, saved, step);
            string[] formats = (step % 5) switch
            {
                0 => [],
                1 => ["--format", "json"],
                2 => ["--format", "sarif", "-o", "out.sarif"],
                3 => ["--format", "github", "--fail-on", "warning"],
                _ => ["--min-severity", "info", "--fail-on", "never", "--baseline", "1"],
            };
            var served = Check([.. formats, "--db", "served.db"], "out.sarif");
            var local = Check([.. formats, "--db", "local.db", "--no-server"], "out.sarif");
            expectedServed++;
            Assert.Equal(expectedServed, server!.Served);
            var context = $"seed {seed}, step {step}: {what}";
            Assert.True(local.Exit == served.Exit, $"{context}: exit {served.Exit} through the session, {local.Exit} in-process");
            Assert.True(local.Output == served.Output, $"{context}: the output differs\nin-process:\n{local.Output}\nserved:\n{served.Output}");
            Assert.Equal(local.Error.Replace("local.db", "served.db", StringComparison.Ordinal), served.Error);
            Assert.Equal(local.File, served.File);
            _log.WriteLine($"{context}: exit {served.Exit}, {served.Output.Length} characters");
            lastExit = served.Exit;
            exits.Add(served.Exit);
        }

        Assert.True(exits.Count(e => e != 2) >= 8, $"only {exits.Count(e => e != 2)} steps ran the rules");

        Assert.Equal(Dump(Path.Combine(Work, "local.db")), Dump(Path.Combine(Work, "served.db")));
    }

    [Fact]
    public void A_check_the_session_cannot_answer_exactly_runs_in_process()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(_sockets);
        var session = new WatchSession(Settings().Options, Work);
        using var server = CheckServer.Start(session, synced: null, out var why);
        Assert.True(server is not null, why);

        // Other rules, another engine, other limits: declined, so checked here, with the same result as --no-server.
        foreach (var arguments in new[] { new[] { "--rule", "quotes.drift" }, ["--engine", "nrules"], ["--max-firings", "100000"] })
        {
            var served = Check([.. arguments, "--no-report"]);
            var local = Check([.. arguments, "--no-report", "--no-server"]);
            Assert.Equal((local.Exit, local.Output, local.Error), (served.Exit, served.Output, NoDebug(served.Error)));
        }

        Assert.Equal(0, server!.Served);
        var plain = Check(["--no-report"]);
        Assert.True(server.Served == 1, plain.Error);
        // Turned off by the environment variable's sibling flag and by --no-cache (a cold run asked for).
        Check(["--no-report", "--no-cache"]);
        Assert.Equal(1, server.Served);
    }

    [Fact]
    public void A_dead_socket_or_a_stranger_on_it_is_not_a_session()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = ServerFolder.Use(_sockets);
        var session = new WatchSession(Settings().Options, Work);
        var path = ServerFolder.SocketFor(session.Options, Work)!;

        // A socket file nobody listens on (a killed session's): the check runs here, and a new session replaces it.
        // (.NET removes the file of a socket it bound when it closes it: bound under another name, then moved.)
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(path + ".tmp"));
            File.Move(path + ".tmp", path);
        }

        Assert.True(File.Exists(path));
        var local = Check(["--no-report", "--no-server"]);
        Assert.Equal((local.Exit, local.Output), Check(["--no-report"]) is var c ? (c.Exit, c.Output) : default);

        // A listener that never answers: the client gives up after its silence limit and checks here.
        File.Delete(path);
        using (var mute = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            mute.Bind(new UnixDomainSocketEndPoint(path));
            mute.Listen(4);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var answered = Check(["--no-report"]);
            Assert.Equal((local.Exit, local.Output), (answered.Exit, answered.Output));
            Assert.InRange(clock.Elapsed, CheckClient.Silence, CheckClient.Silence + TimeSpan.FromSeconds(60));
        }

        File.Delete(path);
        using var server = CheckServer.Start(session, synced: null, out var why);
        Assert.True(server is not null, why);
        var served = Check(["--no-report"]);
        Assert.True(server!.Served == 1, served.Error);
        // A second session for the same claims and rules does not take the socket over.
        Assert.Null(CheckServer.Start(new WatchSession(Settings().Options, Work), synced: null, out var second));
        Assert.Contains("answers checks already", second, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _root, _sockets })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    /// <summary>Without the line FACTCHECK_DEBUG=1 adds when a check is not served.</summary>
    private static string NoDebug(string error) =>
        string.Concat(error.Split('\n').Where(l => !l.StartsWith("factcheck: checking in this process", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1];

    private CheckSettings Settings() =>
        CheckSettings.Resolve(Project.Discover(Work), null, null, null, noReport: true, null, null, null, []);

    private (int Exit, string Output, string Error, string? File) Check(string[] arguments, string? outputFile = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = FactCheckApp.Run(["check", .. arguments], output, error, Work);
        var file = outputFile is null ? null : Path.Combine(Work, outputFile);
        return (exit, output.ToString(), error.ToString(), file is not null && File.Exists(file) ? File.ReadAllText(file) : null);
    }

    /// <summary>Every row of every table of a report, times of day aside (the two runs of a step are not simultaneous).</summary>
    private static List<string> Dump(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var timed = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).EndsWith("_at", StringComparison.Ordinal)).ToArray();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => timed[i] ? "(time)" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            lines.Sort(StringComparer.Ordinal);
            rows.AddRange(lines);
        }

        return rows;
    }

    private static string RestoreAll(Dictionary<string, string?> saved)
    {
        foreach (var (path, original) in saved)
        {
            if (original is not null) File.WriteAllText(path, original);
            else File.Delete(path);
        }

        var what = $"restored {string.Join(", ", saved.Keys.Select(Path.GetFileName).Order(StringComparer.Ordinal))}";
        saved.Clear();
        return what;
    }

    /// <summary>One random edit, told to no one; returns what it did.</summary>
    private string Edit(Random random, Dictionary<string, string?> saved, int step)
    {
        var files = Directory.GetFiles(Claims, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var file = files[random.Next(files.Count)];
        void Save(string path)
        {
            if (!saved.ContainsKey(path)) saved[path] = File.Exists(path) ? File.ReadAllText(path) : null;
        }

        Save(file);
        var text = File.ReadAllText(file);
        switch (random.Next(10))
        {
            case 0:
            case 1:
            case 6:
            case 7:
            {
                // A stance flipped, an attribution weakened, a quote drifted, a date moved: the same length, often.
                var lines = text.Split('\n');
                var candidates = lines.Select((l, i) => (l, i)).Where(x => Modifiable().IsMatch(x.l)).Select(x => x.i).ToList();
                if (candidates.Count == 0) goto default;
                var at = candidates[random.Next(candidates.Count)];
                lines[at] = lines[at]
                    .Replace("stance: asserts", "stance: §", StringComparison.Ordinal).Replace("stance: denies", "stance: asserts", StringComparison.Ordinal).Replace("stance: §", "stance: denies", StringComparison.Ordinal)
                    .Replace("attribution: direct-quote", "attribution: paraphrase", StringComparison.Ordinal)
                    .Replace("quote: \"", "quote: \"so ", StringComparison.Ordinal);
                lines[at] = Day().Replace(lines[at], m => $"{m.Groups["key"].Value}2023-11-{1 + random.Next(28):D2}");
                File.WriteAllText(file, string.Join('\n', lines));
                return $"modified {Path.GetFileName(file)}:{at + 1}";
            }

            case 2:
                File.WriteAllText(file, text + "\n  - id: [unclosed\n");
                return $"broke {Path.GetFileName(file)}";
            case 3:
                File.Delete(file);
                return $"deleted {Path.GetFileName(file)}";
            case 4:
            {
                // A source's text: its quotes are checked against it, so binding reads it.
                var texts = Directory.GetFiles(Path.Combine(Claims, "texts"), "*.txt").Order(StringComparer.Ordinal).ToList();
                var target = texts[random.Next(texts.Count)];
                Save(target);
                var words = File.ReadAllText(target);
                File.WriteAllText(target, words.Length > 200 ? words[..(words.Length / 2)] : words + " More words.");
                return $"changed the source text {Path.GetFileName(target)}";
            }

            case 5:
            {
                // A rule's severity: the rules compile again.
                var rule = Directory.GetFiles(Path.Combine(Work, "rules"), "*.yaml").Order(StringComparer.Ordinal).ToList() is var rules ? rules[random.Next(rules.Count)] : null!;
                Save(rule);
                var ruleText = File.ReadAllText(rule);
                var changed = Severity().Replace(ruleText, m => m.Value.EndsWith("warning", StringComparison.Ordinal) ? "severity: error" : "severity: warning", 1);
                File.WriteAllText(rule, changed);
                return $"changed a severity in {Path.GetFileName(rule)}";
            }

            default:
            {
                // Put something back as it was (an added or deleted file included).
                if (saved.Count == 0) return "nothing";
                var path = saved.Keys.Order(StringComparer.Ordinal).ElementAt(random.Next(saved.Count));
                if (saved[path] is { } original) File.WriteAllText(path, original);
                else File.Delete(path);
                saved.Remove(path);
                return $"restored {Path.GetFileName(path)} (step {step})";
            }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    [GeneratedRegex(@"stance: (asserts|denies)|attribution: direct-quote|quote: ""|(date|published): \d{4}-\d{2}-\d{2}")]
    private static partial Regex Modifiable();

    /// <summary>A date as a value (not inside an id, which references would then miss).</summary>
    [GeneratedRegex(@"(?<key>(date|published): )\d{4}-\d{2}-\d{2}")]
    private static partial Regex Day();

    [GeneratedRegex(@"severity: (warning|error)")]
    private static partial Regex Severity();
}
