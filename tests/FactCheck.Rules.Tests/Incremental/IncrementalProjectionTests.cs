using System.Globalization;
using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Claims.Watching;
using FactCheck.Rules.Facts;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Incremental;

/// <summary>
/// The projection <c>check --watch</c> keeps between saves must hold, after every edit, exactly the facts a full
/// projection gives, in its order, and its change (facts out, facts in) must turn the old facts into the new ones. The
/// edits are the ones whose effects cross files: a claim moved, <c>same_as</c> groups, a proposition's edges, a source's
/// lineage, a file deleted, a file added with errors and then fixed, the first appearance of a wording.
/// </summary>
public sealed class IncrementalProjectionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "factcheck-incremental-" + Guid.NewGuid().ToString("N"));

    public IncrementalProjectionTests() => Copy(RepositoryPaths.Combine("claims"), Claims);

    private string Claims => Path.Combine(_root, "claims");

    [Fact]
    public void Reading_a_file_again_unchanged_changes_no_fact()
    {
        var workspace = new WatchedClaims([Claims], _root);
        var projection = new IncrementalProjection();
        var facts = Step(workspace, projection, null, "start");
        workspace.Refresh(new HashSet<string> { Path.Combine(Claims, "putin.yaml"), Path.Combine(Claims, "sources.yaml") });
        var (retracted, inserted) = projection.Update(workspace.Current.ClaimSet);
        Assert.Empty(retracted);
        Assert.Empty(inserted);
        Assert.Equal(facts.Count, projection.All().Count);
    }

    [Fact]
    public void Edits_across_files_give_the_facts_of_a_full_projection()
    {
        var workspace = new WatchedClaims([Claims], _root);
        var projection = new IncrementalProjection();
        var facts = Step(workspace, projection, null, "start");
        var changes = 0;
        foreach (var (what, edit) in Edits())
        {
            var changed = edit();
            workspace.Refresh(changed);
            if (workspace.Current.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                // The rules do not run on input with errors, nor is the projection updated.
                Assert.Contains("errors", what, StringComparison.Ordinal);
                continue;
            }

            var before = facts.Count;
            facts = Step(workspace, projection, facts, what);
            changes += facts.Count != before ? 1 : 0;
        }

        Assert.True(changes >= 5, $"only {changes} edits changed the number of facts");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void Random_edits_give_the_facts_of_a_full_projection(int seed)
    {
        var random = new Random(seed);
        var workspace = new WatchedClaims([Claims], _root);
        var projection = new IncrementalProjection();
        var facts = Step(workspace, projection, null, "start");
        var files = Directory.GetFiles(Claims, "*.yaml").Where(f => !f.EndsWith("sources.yaml", StringComparison.Ordinal) && !f.EndsWith("propositions.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var originals = files.ToDictionary(f => f, File.ReadAllText);
        for (var step = 0; step < 25; step++)
        {
            var file = files[random.Next(files.Length)];
            var lines = File.ReadAllLines(file).ToList();
            var what = random.Next(5) switch
            {
                0 => Replace(lines, random, "quote: ", l => l.Replace("quote: ", "quote: indeed ", StringComparison.Ordinal), "drifted a quote"),
                1 => Replace(lines, random, "stance: ", l => l.Contains("asserts", StringComparison.Ordinal) ? l.Replace("asserts", "denies", StringComparison.Ordinal) : l.Replace("denies", "asserts", StringComparison.Ordinal), "flipped a stance"),
                2 => Replace(lines, random, "date: 2023-11-", l => l[..^2] + $"{1 + random.Next(28):D2}", "moved a date"),
                3 => Replace(lines, random, "attribution: direct-quote", l => l.Replace("direct-quote", "paraphrase", StringComparison.Ordinal), "weakened an attribution"),
                _ => "restored",
            };
            if (what == "restored") lines = [.. originals[file].Split('\n')];
            File.WriteAllText(file, string.Join('\n', lines));
            workspace.Refresh(new HashSet<string> { file });
            Assert.DoesNotContain(workspace.Current.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            facts = Step(workspace, projection, facts, $"seed {seed} step {step}: {what} in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public void A_set_too_large_for_one_chunk_gives_the_facts_of_a_full_projection_first_and_after_an_edit_of_half_its_claims()
    {
        // 4,000 claims (projected in chunks side by side), every fifth in a same_as pair, 50 wordings shared by seven
        // claimants, paraphrases among the quotes, dates resolved against their sources, and one claim printed more times
        // than a short list holds.
        var yaml = new StringBuilder("""
            sources:
              - {id: wire, kind: wire-copy, wire: AFP, authors: [A], published: 2023-11-08}
              - {id: a1, kind: article, outlet: O1, authors: [B], published: 2023-11-08, derived_from: wire}
              - {id: a2, kind: article, outlet: O2, authors: [C], published: 2023-11-09}
              - {id: a3, kind: article, outlet: O3, authors: [D], published: 2023-11-09, credits: [a2]}
            propositions: [{key: p.x, description: x, implies: [p.y]}, {key: p.y, description: y}]
            claims:

            """);
        for (var i = 0; i < 4000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: c{i}\n    statement: s\n    claimant: {{name: P{i % 7}, kind: {(i % 11 == 0 ? "outlet" : "person")}}}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    made: {{text: on Wednesday, date: 2023-11-0{8 + i % 2}}}\n");
            yaml.Append("    stances: [{proposition: p.x, stance: asserts}]\n    appearances:\n");
            var printings = i == 1234 ? 40 : 1 + i % 3;
            for (var a = 0; a < printings; a++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - {{source: {(a % 4 == 0 ? "wire" : $"a{a % 4}")}, attribution: {(a == 1 ? "paraphrase" : "direct-quote")}, quote: \"the talks on item {(i + a) % 50} went well\", place: Place {a % 20}, dates: [on Wednesday]}}\n");
            }

            if (i % 5 == 4) yaml.Append(CultureInfo.InvariantCulture, $"    links: {{same_as: [c{i - 1}]}}\n");
        }

        var loaded = ClaimsLoader.LoadText(yaml.ToString(), "many.yaml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics.Take(5)));
        var set = loaded.ClaimSet;
        var projection = new IncrementalProjection();
        var facts = Step(set, projection, null, "start");
        Assert.Equal(4000, projection.Reprojected);

        // Every other claim read again with another wording (new objects, as from files read again): too many for one chunk.
        var edited = set with
        {
            Claims = [.. set.Claims.Select((c, i) => i % 2 == 1 ? c : c with
            {
                Appearances = [.. c.Appearances.Select(a => a with { Quote = a.Quote.Replace("went well", "went badly", StringComparison.Ordinal) })],
            })],
        };
        Step(edited, projection, facts, "half the claims edited");
        Assert.True(projection.Reprojected >= 2000, $"{projection.Reprojected} claims projected again");
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

    /// <summary>Updates the projection and holds it to a full one; returns the facts it now holds.</summary>
    private static List<IFact> Step(WatchedClaims workspace, IncrementalProjection projection, List<IFact>? before, string what) =>
        Step(workspace.Current.ClaimSet, projection, before, what);

    private static List<IFact> Step(ClaimSet set, IncrementalProjection projection, List<IFact>? before, string what)
    {
        var (retracted, inserted) = projection.Update(set);
        var expected = FactProjection.Project(set);
        var actual = projection.All();
        Assert.Equal(expected.Count, projection.Count);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(FactContent.Instance.Equals(expected[i], actual[i]), $"{what}: fact {i} is {actual[i]}, a full projection gives {expected[i]}");
        }

        Assert.Equal(expected.Count, actual.Count);
        if (before is not null)
        {
            // The change turns the facts that were there into those that are: nothing else comes out or goes in.
            var now = new HashSet<IFact>(before, ReferenceEqualityComparer.Instance);
            foreach (var fact in retracted) Assert.True(now.Remove(fact), $"{what}: {fact} retracted but not there");
            foreach (var fact in inserted) Assert.True(now.Add(fact), $"{what}: {fact} inserted twice");
            Assert.True(now.SetEquals(actual), $"{what}: the change does not lead to the facts held");
        }

        // The order the sessions' collected lists are put in is the projection's.
        var sorted = actual.ToList();
        sorted.Reverse();
        sorted.Sort(projection);
        Assert.True(sorted.SequenceEqual(actual, ReferenceEqualityComparer.Instance), $"{what}: the order of the facts is not the projection's");
        return actual;
    }

    private IEnumerable<(string What, Func<HashSet<string>> Edit)> Edits()
    {
        string P(string name) => Path.Combine(Claims, name);
        HashSet<string> Rewrite(string name, Func<string, string> change)
        {
            var text = File.ReadAllText(P(name));
            var changed = change(text);
            Assert.NotEqual(text, changed);
            File.WriteAllText(P(name), changed);
            return [P(name)];
        }

        var putin = File.ReadAllText(P("putin.yaml"));
        var shoigu = File.ReadAllText(P("shoigu.yaml"));
        var zhang = File.ReadAllText(P("zhang.yaml"));

        yield return ("a quote drifts, so another appearance is the first of the wording", () => Rewrite("putin.yaml", t => t.Replace(
            "quote: Russia and China are not building a Cold War-style military alliance",
            "quote: Russia and China are surely not building a Cold War-style military alliance",
            StringComparison.Ordinal)));
        yield return ("the first claim of putin.yaml moves to shoigu.yaml", () =>
        {
            var text = File.ReadAllText(P("putin.yaml"));
            var start = text.IndexOf("  - id: putin-not-building", StringComparison.Ordinal);
            var end = text.IndexOf("  - id: ", start + 10, StringComparison.Ordinal);
            File.WriteAllText(P("putin.yaml"), text.Remove(start, end - start));
            File.WriteAllText(P("shoigu.yaml"), File.ReadAllText(P("shoigu.yaml")).TrimEnd() + "\n\n" + text[start..end]);
            return [P("putin.yaml"), P("shoigu.yaml")];
        });
        yield return ("a same_as group loses a link", () => Rewrite("shoigu.yaml", t => t.Replace("same_as: [shoigu-not-creating-military-bloc]", "same_as: []", StringComparison.Ordinal)));
        yield return ("a same_as group joins a claim of another file", () => Rewrite("zhang.yaml", t => t.Replace(
            "  - id: zhang-relations-at-highest-level\n", "  - id: zhang-relations-at-highest-level\n    links: {same_as: [shoigu-not-creating-military-bloc]}\n", StringComparison.Ordinal)));
        yield return ("a proposition implies another one", () => Rewrite("propositions.yaml", t => t.Replace(
            "    implies: [russia-china.military-cooperation]\n\n  - key: russia-china.cold-war-style-military-alliance",
            "    implies: [russia-china.military-cooperation, russia-china.cooperation-against-third-countries]\n\n  - key: russia-china.cold-war-style-military-alliance",
            StringComparison.Ordinal)));
        yield return ("a proposition excludes another one", () => Rewrite("propositions.yaml", t => t.Replace(
            "  - key: russia-china.military-cooperation\n", "  - key: russia-china.military-cooperation\n    excludes: [russia-china.military-bloc]\n", StringComparison.Ordinal)));
        yield return ("a source no longer derives from the wire", () => Rewrite("sources.yaml", t => t.Replace(
            "    derived_from: afp-wire-2023-11-08-putin-china-alliance\n    note: >-\n      A rewrite", "    note: >-\n      A rewrite", StringComparison.Ordinal)));
        yield return ("a source credits another", () => Rewrite("sources.yaml", t => t.Replace(
            "    credits: [afp-wire-2023-11-08-putin-china-alliance]", "    credits: [afp-wire-2023-11-08-putin-china-alliance, rewrite-2023-11-08-putin-alliance]", StringComparison.Ordinal)));
        yield return ("zhang.yaml deleted", () =>
        {
            File.Delete(P("zhang.yaml"));
            return [P("zhang.yaml")];
        });
        yield return ("a new file with errors", () =>
        {
            File.WriteAllText(P("added.yaml"), "claims:\n  - id: [unclosed\n    statement: : :\n");
            return [P("added.yaml")];
        });
        yield return ("the new file fixed: a copy of zhang's claim", () =>
        {
            File.WriteAllText(P("added.yaml"), zhang);
            return [P("added.yaml")];
        });
        yield return ("everything put back", () =>
        {
            File.Delete(P("added.yaml"));
            File.WriteAllText(P("putin.yaml"), putin);
            File.WriteAllText(P("shoigu.yaml"), shoigu);
            File.WriteAllText(P("zhang.yaml"), zhang);
            File.Copy(RepositoryPaths.Combine("claims", "propositions.yaml"), P("propositions.yaml"), overwrite: true);
            File.Copy(RepositoryPaths.Combine("claims", "sources.yaml"), P("sources.yaml"), overwrite: true);
            return [.. Directory.GetFiles(Claims, "*.yaml"), P("added.yaml")];
        });
    }

    private static string Replace(List<string> lines, Random random, string contains, Func<string, string> change, string what)
    {
        var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(contains, StringComparison.Ordinal)).Select(x => x.i).ToList();
        if (candidates.Count == 0) return "nothing to change";
        var at = candidates[random.Next(candidates.Count)];
        lines[at] = change(lines[at]);
        return what;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
