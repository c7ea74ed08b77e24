using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using NJsonSchema;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>
/// The published JSON Schema (what editors see through yaml-language-server) and the loader must agree on
/// what is a valid file. Only single-file, structural problems are in a schema's reach: cross-file ids and
/// calendar checks (February 30) are the loader's alone, so those cases are left out here.
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
    public void Schema_and_loader_agree_on_snippet(string yaml, bool valid)
    {
        Assert.Equal(valid, ValidateWithSchema(yaml).Count == 0);
        var result = ClaimsLoader.LoadText(yaml, "snippet.yaml");

        // References to ids defined elsewhere are out of a schema's reach.
        Assert.Equal(valid, !result.Diagnostics.Any(d => d.Code != "unknown-reference"));
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
        YamlScalar { IsPlain: true, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalar s => JsonValue.Create(s.Value),
        YamlSequence seq => new JsonArray(seq.Items.Select(ToJson).ToArray()),
        YamlMapping map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
