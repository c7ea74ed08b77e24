using System.Text.Json;
using CsCheck;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// Mappings the subset reader builds keep their keys and scalar values inline (<see cref="YamlEntry"/>) and are bound
/// without nodes; mappings from <see cref="YamlTreeReader"/> hold nodes. Binding either must give the same claims, sources
/// and propositions and the same diagnostics, to the column, and the inline ones must show the same nodes when asked.
/// </summary>
public sealed class InlineEntryBindingTests
{
    private static readonly string CasesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Claims.Tests", "Cases");

    public static TheoryData<string> ClaimsFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { RepositoryPaths.Combine("claims"), CasesDirectory })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ClaimsFiles))]
    public void Claims_files_bind_the_same_from_inline_entries_and_from_nodes(string file)
    {
        var full = RepositoryPaths.Combine(file);
        BindsTheSame(File.ReadAllText(full), Path.GetDirectoryName(full)!);
    }

    [Theory]
    [InlineData("claims:\n  - id: c1\n    statement: s\n    claimant: {name: A, kind: person}\n    stances: [{proposition: p, stance: asserts}]\n    appearances:\n      - {source: s1, attribution: paraphrase, quote: q, dates: on Monday}\n")]
    [InlineData("claims:\n  - id: c1\n    statement: ''\n    claimant: Jane\n    made: 2023\n    stances: x\n    appearances: {}\n    review: {status: bogus, rating: '  ', organisation: ~, rating_value: 9, best_rating: 5, worst_rating: 6}\n")]
    [InlineData("sources:\n  - id: S 1\n    kind: newspaper\n    authors: Jane Doe\n    url: ftp://x\n    published: 2023-13\n    text_excerpt: true\n    primary: yes\n    credits: [a, [b]]\nclaims: x\n")]
    [InlineData("claims:\n  - id: c1\n    statement: s\n    claimant: {name: A, kind: person}\n    stances:\n      - proposition: p\n        stance: asserts\n    appearances:\n      - source: s1\n        attribution: direct-quote\n        quote: \"a b c\"\n        fragments: [b, z, '']\n        timing: before\n        speaker_role: ''\n        place: ~\n        dates: [1, [2], {a: b}]\n    links: {same_as: [c1], contradicts: c2}\n    ignore: [{rule: r1}]\n    unknown: 1\n")]
    public void Hand_picked_texts_bind_the_same(string yaml)
    {
        Assert.NotNull(new SubsetYamlReader().TryRead(yaml, "t.yaml"));
        Assert.NotEmpty(ClaimsLoader.LoadText(yaml, "t.yaml", RepositoryPaths.Root).Diagnostics);
        BindsTheSame(yaml, RepositoryPaths.Root);
    }

    [Fact]
    public void Random_claims_like_texts_bind_the_same()
    {
        Gen.Int.Sample(seed => BindsTheSame(new SubsetYamlReaderDifferentialTests.ClaimsLikeWriter(new Random(seed)).Document(), RepositoryPaths.Root), iter: 500);
    }

    [Fact]
    public void Files_past_the_kept_entry_buffer_and_the_ones_after_them_bind_the_same()
    {
        // The reader's entry buffer grows while a file is read and is dropped after one of more than 32K entries.
        foreach (var claims in new[] { 3, 2_000, 5 })
        {
            var text = new System.Text.StringBuilder("claims:\n");
            for (var i = 0; i < claims; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: c{i}\n    statement: s{i}\n    claimant: {{name: P{i % 7}, kind: person, role: r}}\n    made: {{text: on Monday, date: 2023-11-0{1 + (i % 9)}}}\n    stances:\n      - {{proposition: p{i % 5}, stance: asserts}}\n    appearances:\n      - source: s{i % 3}\n        attribution: paraphrase\n        quote: \"q {i}\"\n        dates: [on Monday]\n    bogus{i % 2}: x\n");
            }

            BindsTheSame(text.ToString(), RepositoryPaths.Root);
        }
    }

    [Fact]
    public void Inline_entries_show_the_nodes_the_reference_builds()
    {
        const string yaml = "a: 1\nb: 'q'\nc: {d: x, e: [y]}\nf:\n";
        var documents = new SubsetYamlReader().TryRead(yaml, "t.yaml");
        var mapping = Assert.IsType<YamlMapping>(Assert.Single(documents!));
        var entries = mapping.Entries;
        Assert.Same(entries, mapping.Entries);
        Assert.Equal(["a", "b", "c", "f"], entries.Select(e => e.Key.Value));
        Assert.Equal(new Model.Location("t.yaml", 2, 4), entries[1].Value.Location);
        Assert.Equal(ScalarLayout.Quoted, ((YamlScalar)entries[1].Value).Layout);
        Assert.True(((YamlScalar)entries[3].Value).IsNull);
        var inner = Assert.IsType<YamlMapping>(entries[2].Value);
        Assert.Equal(new Model.Location("t.yaml", 3, 8), inner.Entries[0].Value.Location);
    }

    private static void BindsTheSame(string yaml, string directory)
    {
        var fromInline = ClaimsLoader.LoadText(yaml, "t.yaml", directory);
        var diagnostics = new List<Diagnostic>();
        var trees = YamlTreeReader.Read(yaml, "t.yaml", diagnostics);
        if (diagnostics.Count > 0 || trees.Count != 1) return; // Only one-document texts the reference reads cleanly bind the same way.
        var fromNodes = ClaimsLoader.LoadNode(trees[0], "t.yaml", directory);
        Assert.Equal(Render(fromNodes), Render(fromInline));
    }

    private static string Render(LoadResult result) =>
        JsonSerializer.Serialize(new { result.ClaimSet.Sources, result.ClaimSet.Propositions, result.ClaimSet.Claims }) + "\n"
        + string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
}
