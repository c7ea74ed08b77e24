using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using NJsonSchema;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The published JSON Schema (what editors see through yaml-language-server) and the loader must agree on
/// what is a valid file. Cross-file ids are the loader's alone; everything within one file (keys, types,
/// ids, calendar dates down to February 29 in leap years, offsets, web addresses) is checked by both.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.Combine("src", "FactCheck.Claims", "Schema", "claims.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<string, bool> Samples() => new()
    {
        { "valid-complete", true },
        { "circumstances-valid", true },
        { "unknown-keys", false },
        { "missing-required", false },
        { "wrong-types", false },
        { "root-not-mapping", false },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Schema_and_loader_agree_on_case(string name, bool schemaValid)
    {
        var path = RepositoryPaths.Combine("tests", "FactCheck.Claims.Tests", "Cases", name, "input.yaml");
        var schemaErrors = ValidateWithSchema(File.ReadAllText(path));
        Assert.Equal(schemaValid, schemaErrors.Count == 0);

        Assert.Equal(schemaValid, LoaderErrors(path).Count == 0);
    }

    [Theory]
    [InlineData("sources:\n  - {id: s1, kind: article, published: 2023}\n", true)]
    [InlineData("sources:\n  - {id: s1, kind: article, published: 2023-11-08T14:10+05:00}\n", true)]
    [InlineData("sources:\n  - {id: s1, kind: article, published: 2023-11-08T14:10}\n", false)]
    [InlineData("sources:\n  - {id: S1, kind: article}\n", false)]
    [InlineData("sources:\n  - {id: s1, kind: newspaper}\n", false)]
    [InlineData("propositions:\n  - {key: p1}\n", false)]
    [InlineData("sources:\n  - {id: s1, kind: transcript, primary: maybe}\n", false)]
    [InlineData("sources:\n  - {id: s1, kind: article, authors: [], credits: [s2]}\n  - {id: s2, kind: wire-copy}\n", true)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: denies}], appearances: [{source: s, attribution: reported, quote: q, timing: during, occasion: o}]}\n", false)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [], appearances: []}\n", false)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: x}], review: {status: misleading, url: https://checkers.example/c1, published: 2024-03-04, rating: Half true, rating_value: 2.5, best_rating: 5, worst_rating: 1, organisation: Desk}}\n", true)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: x}], review: {status: misleading, url: checkers.example/c1}}\n", false)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: x}], review: {status: misleading, rating_value: high}}\n", false)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: x}], review: {status: misleading, published: 2024-13}}\n", false)]
    [InlineData("claims:\n  - {id: c1, statement: x, claimant: {name: X, kind: person}, stances: [{proposition: p, stance: asserts}], appearances: [{source: s, attribution: paraphrase, quote: x}], review: {status: misleading, rating: ''}}\n", false)]
    public void Schema_and_loader_agree_on_snippet(string yaml, bool valid)
    {
        Assert.Equal(valid, ValidateWithSchema(yaml).Count == 0);
        var result = ClaimsLoader.LoadText(yaml, "snippet.yaml");

        // References to ids defined elsewhere are out of a schema's reach.
        Assert.Equal(valid, !result.Diagnostics.Any(d => d.Code != "unknown-reference"));
    }

    /// <summary>Dates as editors write them, the calendar's edges, and what is not a date.</summary>
    public static TheoryData<string, bool> Dates() => new()
    {
        { "2023", true }, { "0999", true }, { "0000", false }, { "2023-06", true }, { "2023-12", true }, { "2023-13", false },
        { "2023-00", false }, { "2023-11-08", true }, { "2023-13-45", false }, { "2023-02-30", false }, { "2023-02-29", false },
        { "2024-02-29", true }, { "1900-02-29", false }, { "2000-02-29", true }, { "2023-04-31", false }, { "2023-04-30", true },
        { "2023-12-31", true }, { "2023-11-00", false }, { "2023-11-08T14:10Z", true }, { "2023-11-08T14:10:59.123Z", true },
        { "2023-11-08T14:10+14:00", true }, { "2023-11-08T14:10-14:00", true }, { "2023-11-08T14:10+15:00", false },
        { "2023-11-08T14:10+05:60", false }, { "2023-11-08T24:00+01:00", false }, { "2023-11-08T23:59:60Z", false },
        { "2023-11-08T14:10", false }, { "2023-1-8", false }, { "8 November 2023", false }, { "2023-11-08T14:60Z", false },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Schema_and_loader_agree_on_dates(string date, bool valid)
    {
        AssertAgree($"sources:\n  - {{id: s1, kind: article, published: {date}}}\n", valid);
        AssertAgree(
            $"claims:\n  - id: c1\n    statement: x\n    claimant: {{name: X, kind: person}}\n    made: {{text: then, date: '{date}'}}\n"
            + "    stances: [{proposition: p, stance: asserts}]\n    appearances: [{source: s, attribution: paraphrase, quote: x}]\n",
            valid);
    }

    [Theory]
    [InlineData("https://www.euronews.com/2023/11/08/putin-says", true)]
    [InlineData("http://example.org", true)]
    [InlineData("https://例え.jp/パス?q=1#top", true)]
    [InlineData("not a url", false)]
    [InlineData("example.org/story", false)]
    [InlineData("https://", false)]
    [InlineData("https://example.org/a story", false)]
    [InlineData("ftp://example.org/file", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Schema_and_loader_agree_on_web_addresses(string url, bool valid) =>
        AssertAgree($"sources:\n  - {{id: s1, kind: article, url: '{url}'}}\n", valid);

    [Fact]
    public void The_loader_and_the_schema_use_the_same_web_address_pattern()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var pattern = (string)schema["definitions"]!["source"]!["properties"]!["url"]!["pattern"]!;
        Assert.Equal(MappingView.UrlPattern().ToString().Replace(@"\z", "$", StringComparison.Ordinal), pattern);
    }

    [Fact]
    public void Every_pattern_and_enum_says_what_it_wants_in_words()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var checkedCount = 0;
        foreach (var node in Descendants(schema).OfType<JsonObject>())
        {
            if (node.ContainsKey("pattern"))
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)node["patternErrorMessage"]), $"pattern without patternErrorMessage: {node.ToJsonString()}");
                checkedCount++;
            }

            if (node["enum"] is JsonArray values)
            {
                Assert.True(node["markdownEnumDescriptions"] is JsonArray docs && docs.Count == values.Count, $"enum without one description per value: {values.ToJsonString()}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 20);
    }

    [Fact]
    public void Every_bundled_claims_file_is_valid_against_the_schema()
    {
        var files = Directory.GetFiles(RepositoryPaths.Combine("claims"), "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.StartsWith("# yaml-language-server: $schema=", text);
            Assert.Empty(ValidateWithSchema(text).Select(e => $"{file}: {e}"));
        }
    }

    private static string SchemaPath => RepositoryPaths.Combine("src", "FactCheck.Claims", "Schema", "claims.schema.json");

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child)) yield return descendant;
        }
    }

    /// <summary>The schema and the loader give the same verdict on one snippet (references to other files aside).</summary>
    private static void AssertAgree(string yaml, bool valid)
    {
        var schemaErrors = ValidateWithSchema(yaml);
        Assert.True(valid == (schemaErrors.Count == 0), $"schema: {(valid ? "rejects" : "accepts")}\n{yaml}{string.Join("\n", schemaErrors)}");
        var loaderErrors = ClaimsLoader.LoadText(yaml, "snippet.yaml").Diagnostics.Where(d => d.Code != "unknown-reference").ToList();
        Assert.True(valid == (loaderErrors.Count == 0), $"loader: {(valid ? "rejects" : "accepts")}\n{yaml}{string.Join("\n", loaderErrors)}");
    }

    private static List<Diagnostic> LoaderErrors(string path)
    {
        var dir = Path.GetDirectoryName(path)!;
        return ClaimsLoader.Load([path], dir).Diagnostics.Where(d => d.Code is not ("unknown-reference" or "duplicate-id")).ToList();
    }

    private static ICollection<NJsonSchema.Validation.ValidationError> ValidateWithSchema(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var roots = YamlTreeReader.Read(yaml, "sample.yaml", diagnostics);
        Assert.Empty(diagnostics);
        var json = roots.Count == 0 ? new JsonObject() : ToJson(roots[0]);
        return Schema.Value.Validate(json?.ToJsonString() ?? "null");
    }

    /// <summary>Reads YAML the way an editor's YAML 1.2 tooling does: plain integers and booleans are typed.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true } s when long.TryParse(s.Value, out var n) => JsonValue.Create(n),
        YamlScalar { IsPlain: true } s when decimal.TryParse(
            s.Value, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalar { IsPlain: true, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalar s => JsonValue.Create(s.Value),
        YamlSequence seq => new JsonArray(seq.Items.Select(ToJson).ToArray()),
        YamlMapping map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
