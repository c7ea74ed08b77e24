using System.Text.RegularExpressions;
using FactCheck.Cli.Checking;
using FactCheck.Cli.Output;
using FactCheck.Cli.Watching;
using FactCheck.Rules.Language;
using FactCheck.Tests;
using Xunit.Abstractions;

namespace FactCheck.Cli.Tests.Watching;

/// <summary>
/// <c>check --watch</c> must give exactly the findings a full <c>check</c> gives: random edits to a copy of the
/// bundled claims (cross-file ones included: <c>same_as</c> groups, source lineages, deleted and added files, broken
/// and fixed files), each compared with a fresh full run.
/// </summary>
public sealed partial class WatchSessionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-watch-" + Guid.NewGuid().ToString("N"));

    private readonly ITestOutputHelper _log;

    public WatchSessionTests(ITestOutputHelper log)
    {
        _log = log;
        Copy(RepositoryPaths.Combine("claims"), Path.Combine(_root, "claims"));
        Copy(RepositoryPaths.Combine("rules"), Path.Combine(_root, "rules"));
    }

    private string Claims => Path.Combine(_root, "claims");

    private CheckOptions Options => new("claims", "rules", Database: null, Baseline: null, FailOn: RuleSeverity.Error, OnlyRules: []);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Random_edits_give_the_findings_of_a_full_run(int seed)
    {
        var random = new Random(seed);
        var session = new WatchSession(Options, _root);
        AssertSameAsFullRun(session, "start");
        Assert.NotEmpty(session.Outcome.Findings);
        // One edit known to fix a finding of its own file (Zhang's second-hand quote) and to change one anchored in
        // another file (the story's single-origin finding lists the claims of every file).
        var zhang = Path.Combine(Claims, "zhang.yaml");
        var zhangText = File.ReadAllText(zhang);
        File.Delete(zhang);
        var deleted = session.Apply(new HashSet<string> { zhang }, rulesChanged: false);
        Assert.NotEmpty(deleted.Fixed);
        AssertSameAsFullRun(session, "zhang.yaml deleted");
        File.WriteAllText(zhang, zhangText);
        Assert.NotEmpty(session.Apply(new HashSet<string> { zhang }, rulesChanged: false).New);
        AssertSameAsFullRun(session, "zhang.yaml restored");

        var saved = new Dictionary<string, string>(StringComparer.Ordinal);
        int checkedSteps = 0, changedSteps = 0;
        for (var step = 0; step < 20; step++)
        {
            // An edit that broke the input is mostly fixed by the next save, as an editor would: the walk must
            // spend most of its steps on claims the rules can run on.
            var (what, changed) = session.Outcome.InputErrors.Count > 0 && random.Next(4) != 0 ? Fix(session, saved) : Edit(random, saved, step);
            var update = session.Apply(changed, rulesChanged: false);
            AssertSameAsFullRun(session, $"seed {seed}, step {step}: {what}");
            Assert.Equal(session.Outcome.InputErrors.Count == 0, update.Checked);
            if (update.Checked) checkedSteps++;
            if (update.New.Count + update.Fixed.Count > 0) changedSteps++;
            _log.WriteLine($"seed {seed} step {step} {what} checked={update.Checked} new={update.New.Count} fixed={update.Fixed.Count} facts -{update.FactsRetracted}/+{update.FactsInserted} {update.Elapsed.TotalMilliseconds:F0} ms");
        }

        // The edits must have exercised the incremental path, not only input errors.
        Assert.True(checkedSteps >= 5, $"only {checkedSteps} steps could be checked");
        _log.WriteLine($"{changedSteps} steps changed the findings");

        // Everything put back: the findings of the start again.
        Fix(session, saved);
        if (saved.Count > 0) Fix(session, saved);
        session.Apply(new HashSet<string>(), rulesChanged: false);
        AssertSameAsFullRun(session, $"seed {seed}: restored");
    }

    [Fact]
    public void Edits_across_files_and_errors_across_files_give_what_a_full_run_gives()
    {
        var session = new WatchSession(Options, _root);
        string P(string name) => Path.Combine(Claims, name);
        var originals = Directory.GetFiles(Claims, "*.yaml").ToDictionary(f => f, File.ReadAllText);
        void Save(string what, string file, Func<string, string> change)
        {
            var text = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
            var changed = change(text);
            Assert.NotEqual(text, changed);
            File.WriteAllText(file, changed);
            session.Apply(new HashSet<string> { file }, rulesChanged: false);
            AssertSameAsFullRun(session, what);
        }

        var zhang = originals[P("zhang.yaml")];
        // The first appearance of a wording moves; a claim moves to another file.
        Save("a quote drifts", P("putin.yaml"), t => t.Replace(
            "quote: Russia and China are not building a Cold War-style military alliance", "quote: Russia and China are surely not building a Cold War-style military alliance", StringComparison.Ordinal));
        var putin = File.ReadAllText(P("putin.yaml"));
        var start = putin.IndexOf("  - id: putin-not-building", StringComparison.Ordinal);
        var end = putin.IndexOf("  - id: ", start + 10, StringComparison.Ordinal);
        File.WriteAllText(P("shoigu.yaml"), File.ReadAllText(P("shoigu.yaml")).TrimEnd() + "\n\n" + putin[start..end]);
        Save("a claim moved from putin.yaml to shoigu.yaml", P("putin.yaml"), t => t.Remove(start, end - start));
        Assert.Empty(session.Outcome.InputErrors);

        // same_as groups, propositions' edges and sources' lineages span files.
        Save("a same_as link dropped", P("shoigu.yaml"), t => t.Replace("same_as: [shoigu-not-creating-military-bloc]", "same_as: []", StringComparison.Ordinal));
        Save("a same_as link across files", P("zhang.yaml"), t => t.Replace(
            "  - id: zhang-relations-at-highest-level\n", "  - id: zhang-relations-at-highest-level\n    links: {same_as: [shoigu-not-creating-military-bloc]}\n", StringComparison.Ordinal));
        Save("an implies edge added", P("propositions.yaml"), t => t.Replace(
            "  - key: russia-china.military-bloc\n    description: Russia and China are creating a military bloc.\n    implies: [russia-china.military-alliance]",
            "  - key: russia-china.military-bloc\n    description: Russia and China are creating a military bloc.\n    implies: [russia-china.military-alliance, russia-china.cooperation-against-third-countries]",
            StringComparison.Ordinal));
        Save("an excludes edge added", P("propositions.yaml"), t => t.Replace(
            "  - key: russia-china.military-cooperation\n", "  - key: russia-china.military-cooperation\n    excludes: [russia-china.military-bloc]\n", StringComparison.Ordinal));
        Save("a derived_from dropped", P("sources.yaml"), t => t.Replace(
            "    derived_from: afp-wire-2023-11-08-putin-china-alliance\n    note: >-\n      A rewrite", "    note: >-\n      A rewrite", StringComparison.Ordinal));
        Assert.Empty(session.Outcome.InputErrors);

        // Errors only the checks across files find, then fixed.
        Save("a claim id defined twice", P("added.yaml"), _ => zhang);
        Assert.Contains(session.Outcome.InputErrors, d => d.Code == "duplicate-id");
        Save("the copy renamed", P("added.yaml"), t => t.Replace("id: zhang-relations-at-highest-level", "id: zhang-copy", StringComparison.Ordinal));
        Assert.Empty(session.Outcome.InputErrors);
        Save("a dangling same_as", P("added.yaml"), t => t.Replace("  - id: zhang-copy\n", "  - id: zhang-copy\n    links: {same_as: [zhang-relations-at-highest-levle]}\n", StringComparison.Ordinal));
        Assert.Contains(session.Outcome.InputErrors, d => d.Code == "unknown-reference");
        Save("a claim linked to itself", P("added.yaml"), t => t.Replace("same_as: [zhang-relations-at-highest-levle]", "same_as: [zhang-copy]", StringComparison.Ordinal));
        Assert.Contains(session.Outcome.InputErrors, d => d.Code == "self-reference");
        File.Delete(P("added.yaml"));
        session.Apply(new HashSet<string> { P("added.yaml") }, rulesChanged: false);
        AssertSameAsFullRun(session, "the added file deleted");
        Assert.Empty(session.Outcome.InputErrors);
        File.Delete(P("zhang.yaml"));
        session.Apply(new HashSet<string> { P("zhang.yaml") }, rulesChanged: false);
        AssertSameAsFullRun(session, "zhang.yaml deleted");

        foreach (var (file, text) in originals) File.WriteAllText(file, text);
        session.Apply(originals.Keys.ToHashSet(), rulesChanged: false);
        AssertSameAsFullRun(session, "everything put back");
        Assert.Empty(session.Outcome.InputErrors);
    }

    [Fact]
    public void A_save_reports_new_and_fixed_findings_by_fingerprint_and_the_load_errors_of_the_file()
    {
        var session = new WatchSession(Options, _root);
        var before = session.Outcome.Findings.Select(f => f.Fingerprint).ToHashSet();
        var putin = Path.Combine(Claims, "putin.yaml");
        var original = File.ReadAllText(putin);

        File.WriteAllText(putin, original + "  - id: [unclosed\n");
        var broken = session.Apply(new HashSet<string> { putin }, rulesChanged: false);
        Assert.False(broken.Checked);
        Assert.Equal(["claims/putin.yaml"], broken.FilesRead);
        Assert.NotEmpty(broken.LoadErrors);
        Assert.All(broken.LoadErrors, d => Assert.Equal("claims/putin.yaml", d.Location.File));
        Assert.All(broken.LoadErrors, d => Assert.True(d.Location.Line > 0));
        Assert.Empty(broken.New);
        Assert.Empty(broken.Fixed);

        // Fixing it reports only what changed since the last checked save: nothing.
        File.WriteAllText(putin, original);
        var fixedUp = session.Apply(new HashSet<string> { putin }, rulesChanged: false);
        Assert.True(fixedUp.Checked);
        Assert.Empty(fixedUp.New);
        Assert.Empty(fixedUp.Fixed);

        // Deleting the file fixes its findings (and may raise others elsewhere); putting it back restores them.
        File.Delete(putin);
        var deleted = session.Apply(new HashSet<string> { putin }, rulesChanged: false);
        AssertSameAsFullRun(session, "deleted");
        File.WriteAllText(putin, original);
        var restored = session.Apply(new HashSet<string> { putin }, rulesChanged: false);
        Assert.Equal(deleted.Fixed.Select(f => f.Fingerprint).Order(), restored.New.Select(f => f.Fingerprint).Order());
        Assert.Equal(before, session.Outcome.Findings.Select(f => f.Fingerprint).ToHashSet());
    }

    [Fact]
    public void A_rules_change_recompiles_and_runs_everything_again()
    {
        var session = new WatchSession(Options, _root);
        var rule = Directory.GetFiles(Path.Combine(_root, "rules"), "*.yaml").Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(rule);
        File.WriteAllText(rule, SeverityPattern().Replace(text, "severity: info", 1));
        var update = session.Apply(new HashSet<string>(), rulesChanged: true);
        Assert.True(update.RulesReloaded);
        AssertSameAsFullRun(session, "rule severity changed");

        File.WriteAllText(rule, text + "\n  - this is: [not a rule\n");
        session.Apply(new HashSet<string>(), rulesChanged: true);
        AssertSameAsFullRun(session, "rules broken");
        Assert.NotEmpty(session.Outcome.InputErrors);

        File.WriteAllText(rule, text);
        session.Apply(new HashSet<string>(), rulesChanged: true);
        AssertSameAsFullRun(session, "rules restored");
    }

    [Fact]
    public void The_rules_factcheck_yaml_disables_do_not_run_in_watch_mode()
    {
        File.WriteAllText(Path.Combine(_root, "factcheck.yaml"), "disable: [quotes.drift]\nseverity:\n  attribution.second-hand: error\n");
        var options = Cli.Configuration.CheckSettings.Resolve(Cli.Configuration.Project.Discover(_root), null, null, null, noReport: true, null, null, null, []).Options;
        var session = new WatchSession(options, _root);
        var full = CheckRunner.Run(options, _root);
        Assert.Equal(Describe(full), Describe(session.Outcome));
        Assert.DoesNotContain(session.Outcome.Findings, f => f.Finding.RuleId == "quotes.drift");
        Assert.Contains(session.Outcome.Findings, f => f.Finding.RuleId == "attribution.second-hand" && f.Finding.Severity == RuleSeverity.Error);
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

    private void AssertSameAsFullRun(WatchSession session, string when)
    {
        var full = CheckRunner.Run(Options, _root);
        var expected = Describe(full).ToList();
        var actual = Describe(session.Outcome).ToList();
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(
            expected.SequenceEqual(actual),
            $"{when}:\nonly in the full run:\n{string.Join("\n", expected.Except(actual))}\nonly in watch:\n{string.Join("\n", actual.Except(expected))}"
            + (first < 0 ? string.Empty : $"\nfirst difference, line {first}:\n  full run: {expected[first]}\n  watch:    {actual[first]}"));
    }

    private static IEnumerable<string> Describe(CheckOutcome outcome) =>
        outcome.Findings.Select(f => "finding " + Describe(f))
            .Concat(outcome.Suppressed.Select(f => "suppressed " + Describe(f)))
            .Concat(outcome.InputErrors.Select(d => "input " + d))
            .Concat(outcome.RuleErrors.Select(e => $"rule error {e.RuleId} {e.FactFile}:{e.FactLine} {e.Message}"))
            .Append($"claims {outcome.ClaimCount}, sources {outcome.SourceCount}, exit {outcome.ExitCode}");

    private static string Describe(CheckedFinding f) =>
        $"{f.Fingerprint} {f.Finding.RuleId} {f.Finding.Severity} {f.Finding.File}:{f.Finding.Line}:{f.Finding.Column} {f.Finding.Message} [{string.Join(",", f.Finding.FactKeys)}] fails={f.Fails}";

    /// <summary>One random edit; returns what it did and the files it wrote or deleted.</summary>
    private (string What, HashSet<string> Changed) Edit(Random random, Dictionary<string, string> saved, int step)
    {
        var files = Directory.GetFiles(Claims, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var file = files[random.Next(files.Count)];
        void Save(string path)
        {
            if (!saved.ContainsKey(path)) saved[path] = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }

        Save(file);
        var text = File.ReadAllText(file);
        var lines = text.Split('\n').ToList();
        var blocks = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("  - id:", StringComparison.Ordinal)).Select(x => x.i).ToList();
        switch (random.Next(9))
        {
            case 0:
            {
                // Modify: flip a stance, drift a quote, move a date, weaken an attribution.
                var candidates = lines.Select((l, i) => (l, i)).Where(x => ModifiablePattern().IsMatch(x.l)).Select(x => x.i).ToList();
                if (candidates.Count == 0) goto case 1;
                var at = candidates[random.Next(candidates.Count)];
                lines[at] = lines[at]
                    .Replace("stance: asserts", "stance: §", StringComparison.Ordinal).Replace("stance: denies", "stance: asserts", StringComparison.Ordinal).Replace("stance: §", "stance: denies", StringComparison.Ordinal)
                    .Replace("attribution: direct-quote", "attribution: paraphrase", StringComparison.Ordinal);
                if (lines[at].Contains("quote: \"", StringComparison.Ordinal)) lines[at] = lines[at].Replace("quote: \"", "quote: \"indeed ", StringComparison.Ordinal);
                else if (lines[at].Contains("quote:", StringComparison.Ordinal)) lines[at] += " indeed";
                lines[at] = DayPattern().Replace(lines[at], m => $"2023-11-{1 + random.Next(28):D2}");
                File.WriteAllText(file, string.Join('\n', lines));
                return ($"modified {Path.GetFileName(file)}:{at + 1}", [file]);
            }

            case 1:
            {
                if (blocks.Count == 0) goto case 3;
                var b = random.Next(blocks.Count);
                var end = b + 1 < blocks.Count ? blocks[b + 1] : EndOfList(lines, blocks[b]);
                lines.RemoveRange(blocks[b], end - blocks[b]);
                File.WriteAllText(file, string.Join('\n', lines));
                return ($"removed an item of {Path.GetFileName(file)}", [file]);
            }

            case 2:
            {
                // A copy of a claim in a new file: same claimant, same sources, its own id (or, one time in four, the same id).
                var claimFiles = files.Where(f => File.ReadAllText(f).Contains("\nclaims:", StringComparison.Ordinal)).ToList();
                if (claimFiles.Count == 0) goto case 3;
                var from = File.ReadAllText(claimFiles[random.Next(claimFiles.Count)]).Split('\n').ToList();
                var starts = from.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("  - id:", StringComparison.Ordinal) && IsClaimList(from, x.i)).Select(x => x.i).ToList();
                if (starts.Count == 0) goto case 3;
                var s = random.Next(starts.Count);
                var e = s + 1 < starts.Count ? starts[s + 1] : EndOfList(from, starts[s]);
                var block = from.GetRange(starts[s], e - starts[s]);
                if (random.Next(4) != 0) block[0] = block[0].TrimEnd() + $"-copy-{step}";
                var added = Path.Combine(Claims, $"added-{step}.yaml");
                Save(added);
                File.WriteAllText(added, "claims:\n" + string.Join('\n', block) + "\n");
                return ($"added {Path.GetFileName(added)} with {block[0].Trim()}", [added]);
            }

            case 3:
            {
                File.WriteAllText(file, text + "\n  - id: [unclosed\n    statement: : :\n");
                return ($"broke {Path.GetFileName(file)}", [file]);
            }

            case 4:
            {
                // Fix: put a file back as it was.
                var back = saved.Keys.Where(p => p != file).ToList();
                if (back.Count == 0) goto case 0;
                var path = back[random.Next(back.Count)];
                if (saved[path].Length == 0) File.Delete(path);
                else File.WriteAllText(path, saved[path]);
                saved.Remove(path);
                return ($"restored {Path.GetFileName(path)}", [path]);
            }

            case 5:
            {
                File.Delete(file);
                return ($"deleted {Path.GetFileName(file)}", [file]);
            }

            case 6:
            {
                // Lineages span files: drop or change a source's derived_from.
                var sources = Path.Combine(Claims, "sources.yaml");
                if (!File.Exists(sources)) goto case 4;
                Save(sources);
                var text2 = File.ReadAllText(sources);
                var changedText = random.Next(2) == 0
                    ? DerivedPattern().Replace(text2, string.Empty, 1)
                    : text2.Replace("    credits: [", "    credits: [euronews-2023-11-08-putin-alliance, ", StringComparison.Ordinal);
                File.WriteAllText(sources, changedText);
                return ("changed a lineage in sources.yaml", [sources]);
            }

            case 7:
            {
                // same_as groups span files: link a claim to one in another file, or unlink one.
                var withLinks = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("same_as:", StringComparison.Ordinal)).Select(x => x.i).ToList();
                if (withLinks.Count > 0 && random.Next(2) == 0)
                {
                    lines.RemoveAt(withLinks[random.Next(withLinks.Count)]);
                    if (lines.Count > 0 && lines[Math.Min(lines.Count - 1, withLinks[0])].TrimStart().StartsWith("- ", StringComparison.Ordinal) && !lines[Math.Min(lines.Count - 1, withLinks[0])].StartsWith("  - id:", StringComparison.Ordinal))
                    {
                        // A block list of same_as ids left behind: it is now under the previous key, an error the runs must agree on.
                    }
                }
                else
                {
                    var ids = Directory.GetFiles(Claims, "*.yaml").Where(f => f != file).SelectMany(f => File.ReadAllLines(f)).Where(l => l.StartsWith("  - id:", StringComparison.Ordinal)).Select(l => l[7..].Trim()).ToList();
                    var mine = blocks.Where(i => IsClaimList(lines, i)).ToList();
                    if (ids.Count == 0 || mine.Count == 0) goto case 0;
                    lines.Insert(mine[random.Next(mine.Count)] + 1, $"    same_as: [{ids[random.Next(ids.Count)]}]");
                }

                File.WriteAllText(file, string.Join('\n', lines));
                return ($"changed same_as in {Path.GetFileName(file)}", [file]);
            }

            default:
            {
                // A change on disk the watcher did not report (a missed event): found by size and time.
                File.WriteAllText(file, text + "\n# a comment\n");
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(step + 1));
                return ($"unreported edit of {Path.GetFileName(file)}", []);
            }
        }
    }

    /// <summary>Puts back the files with input errors, or all of them when that is not enough (an error may come from a deleted file).</summary>
    private (string What, HashSet<string> Changed) Fix(WatchSession session, Dictionary<string, string> saved)
    {
        var broken = session.Outcome.InputErrors.Select(d => Path.GetFullPath(d.Location.File, _root)).ToHashSet(StringComparer.Ordinal);
        var paths = saved.Keys.Where(broken.Contains).ToList();
        if (paths.Count == 0) paths = [.. saved.Keys];
        foreach (var path in paths)
        {
            if (saved[path].Length == 0) File.Delete(path);
            else File.WriteAllText(path, saved[path]);
            saved.Remove(path);
        }

        return ($"fixed {string.Join(", ", paths.Select(Path.GetFileName))}", [.. paths]);
    }

    private static bool IsClaimList(List<string> lines, int at)
    {
        for (var i = at; i >= 0; i--)
        {
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && !lines[i].StartsWith('#')) return lines[i].StartsWith("claims:", StringComparison.Ordinal);
        }

        return false;
    }

    private static int EndOfList(List<string> lines, int start)
    {
        for (var i = start + 1; i < lines.Count; i++)
        {
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && !lines[i].StartsWith('#')) return i;
        }

        return lines.Count;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    [GeneratedRegex(@"stance: (asserts|denies)|attribution: direct-quote|quote: |date: 2023-11-\d\d")]
    private static partial Regex ModifiablePattern();

    [GeneratedRegex(@"2023-11-\d\d")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"    derived_from: [^\n]*\n")]
    private static partial Regex DerivedPattern();

    [GeneratedRegex(@"severity: (error|warning)")]
    private static partial Regex SeverityPattern();
}
