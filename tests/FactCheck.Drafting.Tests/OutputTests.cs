using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Claims.Model;
using FactCheck.Drafting.Output;
using YamlDotNet.RepresentationModel;

namespace FactCheck.Drafting.Tests;

/// <summary>The drafted YAML: it parses, the loader accepts it with every field, and --into only inserts.</summary>
public sealed class OutputTests
{
    private static readonly Lazy<ClaimSet> Bundled = new(() => Evaluation.GoldSet.Load(RepositoryPaths.Combine("claims")));

    private static string SeedText(string file) => File.ReadAllText(RepositoryPaths.Combine("claims", "texts", file));

    [Theory]
    [InlineData("euronews-afp.txt")]
    [InlineData("rewrite.txt")]
    public void Drafted_yaml_parses_and_loads_without_errors(string file)
    {
        var draft = ClaimDrafter.Draft(SeedText(file), new DraftRequest("drafted-source") { Published = Claims.Dates.PartialDate.Parse("2023-11-08"), Outlet = "Euronews" }, ClaimSet.Empty);
        var yaml = DraftYaml.Write(draft, file);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.Single(stream.Documents);

        var loaded = ClaimsLoader.LoadText(yaml, "drafted.yaml");
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(draft.Claims.Count, loaded.ClaimSet.Claims.Count);

        // The new fields come through the loader as drafted.
        var appearances = loaded.ClaimSet.Claims.SelectMany(c => c.Appearances).ToList();
        Assert.Contains(appearances, a => a.Place == "Moscow");
        Assert.Contains(appearances, a => a.Via is not null && a.QuotedFragments.Count > 0);
        Assert.Contains(appearances, a => a.Hedge == "likely");
        Assert.Equal(
            draft.Claims.Select(c => c.Appearance.Quote).ToList(),
            loaded.ClaimSet.Claims.Select(c => c.Appearances[0].Quote).ToList());
    }

    [Fact]
    public void Every_guess_is_a_comment_next_to_what_it_concerns()
    {
        var draft = ClaimDrafter.Draft(SeedText("euronews-afp.txt"), new DraftRequest("x") { Published = Claims.Dates.PartialDate.Parse("2023-11-08") }, ClaimSet.Empty);
        var yaml = DraftYaml.Write(draft);
        Assert.Contains("# guess: \"Russia's defence minister\" read as Sergei Shoigu", yaml, StringComparison.Ordinal);
        Assert.Contains("# on Wednesday = 2023-11-08", yaml, StringComparison.Ordinal);
        Assert.Contains("# candidate:", yaml, StringComparison.Ordinal);
        Assert.Contains("# placeholder", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Into_appends_new_claims_and_inserts_appearances_under_recorded_claims_without_changing_a_line()
    {
        using var dir = new TempFolder();
        foreach (var f in Directory.GetFiles(RepositoryPaths.Combine("claims"), "*", SearchOption.AllDirectories))
        {
            dir.File(Path.GetRelativePath(RepositoryPaths.Combine("claims"), f), File.ReadAllText(f));
        }

        // Take the rewrite's printings out of the recorded claims (as if it had never been drafted).
        var loaded = ClaimsLoader.Load([dir.Path], dir.Path);
        var recorded = Evaluation.GoldSet.Without(loaded.ClaimSet, "rewrite-2023-11-08-putin-alliance");
        var into = dir.File("rewrite-drafted.yaml", "# My notes on the rewrite: keep this comment.\nclaims:\n");
        var before = Directory.GetFiles(dir.Path, "*.yaml").ToDictionary(f => f, File.ReadAllText);

        var source = loaded.ClaimSet.Sources.Single(s => s.Id == "rewrite-2023-11-08-putin-alliance");
        var draft = ClaimDrafter.Draft(source.Text!, new DraftRequest(source.Id), recorded);
        Assert.NotEmpty(draft.Matched);
        var result = DraftFile.Append(draft, into, f => Path.Combine(dir.Path, f));
        Assert.Empty(result.Problems);

        foreach (var (file, old) in before)
        {
            var now = File.ReadAllText(file);
            Assert.True(IsInsertionOnly(old, now), $"{file} had lines changed or removed");
        }

        Assert.StartsWith("# My notes on the rewrite: keep this comment.\nclaims:\n", File.ReadAllText(into), StringComparison.Ordinal);
        var reloaded = ClaimsLoader.Load([dir.Path], dir.Path);
        Assert.DoesNotContain(reloaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var putin = reloaded.ClaimSet.Claims.Single(c => c.Id == "putin-not-building-cold-war-style-alliance");
        Assert.Equal(3, putin.Appearances.Count); // the two recorded, and the drafted one
        Assert.Contains(putin.Appearances, a => a.Quote == "Russia and China are not forming a Cold War-style military alliance");
    }

    /// <summary>Every old line is still there, in order (new lines may sit between them).</summary>
    private static bool IsInsertionOnly(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var j = 0;
        foreach (var line in a)
        {
            while (j < b.Length && b[j] != line) j++;
            if (j == b.Length) return false;
            j++;
        }

        return true;
    }

    [Fact]
    public void Into_a_new_file_writes_the_source_and_claims()
    {
        using var dir = new TempFolder();
        var text = dir.File("texts/a.txt", "\"We will win,\" said Anna Berg on Monday.");
        var draft = ClaimDrafter.Draft(File.ReadAllText(text), new DraftRequest("a-source") { Published = Claims.Dates.PartialDate.Parse("2024-03-06"), TextPath = "texts/a.txt", Outlet = "Daily" }, ClaimSet.Empty);
        var into = Path.Combine(dir.Path, "a.yaml");
        DraftFile.Append(draft, into, f => f);
        var loaded = ClaimsLoader.Load([into], dir.Path);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("We will win.", Assert.Single(loaded.ClaimSet.Claims).Statement);
        Assert.Equal("a-source", Assert.Single(loaded.ClaimSet.Sources).Id);
    }

    [Fact]
    public void Into_a_flow_style_section_is_refused_with_its_line()
    {
        using var dir = new TempFolder();
        var into = dir.File("flow.yaml", "propositions: []\nclaims: []\n");
        var draft = ClaimDrafter.Draft("\"We will win,\" said Anna Berg.", new DraftRequest("a-source"), ClaimSet.Empty);
        var result = DraftFile.Append(draft, into, f => f);
        Assert.Contains(result.Problems, p => p.Contains(":2: 'claims:' is written in flow style", StringComparison.Ordinal));
    }

    [Fact]
    public void Scalars_that_yaml_would_misread_are_quoted()
    {
        foreach (var value in new[] { "yes", "2024-03-06", "- dash", "a: b", "x #y", "\"quoted\"", "no\u00A0break", "'single'", "" })
        {
            var yaml = "k: " + YamlText.Scalar(value) + "\n";
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var node = (YamlMappingNode)stream.Documents[0].RootNode;
            Assert.Equal(value, ((YamlScalarNode)node.Children[new YamlScalarNode("k")]).Value);
        }
    }
}
