using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Cli.Commands;
using FactCheck.Cli.Configuration;
using NJsonSchema;

namespace FactCheck.Cli.Tests.Configuration;

/// <summary>
/// The JSON Schema editors use for factcheck.yaml and the reader factcheck uses must agree: every sample under
/// Samples/valid passes both, every one under Samples/invalid fails both (with the loader's code named in the
/// sample's <c># expect:</c> line).
/// </summary>
public sealed class ConfigSchemaAgreementTests
{
    private static readonly string SamplesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "Configuration", "Samples");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.Combine("src", "FactCheck.Cli", "Schema", "factcheck.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<string> Valid() => Samples("valid");

    public static TheoryData<string> Invalid() => Samples("invalid");

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_sample_passes_the_reader_and_the_schema(string name)
    {
        var path = Path.Combine(SamplesDirectory, "valid", name);
        Assert.Empty(ReaderErrors(path));
        Assert.Empty(SchemaErrors(File.ReadAllText(path)).Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_sample_fails_the_reader_and_the_schema(string name)
    {
        var path = Path.Combine(SamplesDirectory, "invalid", name);
        var text = File.ReadAllText(path);
        var expected = text.Split('\n')[0].Replace("# expect:", string.Empty, StringComparison.Ordinal).Trim();
        var errors = ReaderErrors(path);
        Assert.Contains(errors, e => e.Code == expected);
        Assert.All(errors, e => Assert.True(e.Location.Line > 0, $"no position: {e}"));
        Assert.NotEmpty(SchemaErrors(text));
    }

    [Fact]
    public void The_file_init_writes_passes_both()
    {
        foreach (var rules in new[] { null, "rules" })
        {
            var text = InitCommand.Template("claims", rules);
            var file = Path.Combine(Directory.CreateTempSubdirectory("factcheck-init-").FullName, "factcheck.yaml");
            File.WriteAllText(file, text);
            try
            {
                Assert.Empty(ReaderErrors(file));
                Assert.Empty(SchemaErrors(text).Select(e => e.ToString()));
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
            }
        }
    }

    [Fact]
    public void Every_key_the_reader_knows_is_in_the_schema_and_no_other()
    {
        var properties = Schema.Value.Properties.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(ProjectConfigReader.Keys.Order(StringComparer.Ordinal), properties);
    }

    private static TheoryData<string> Samples(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SamplesDirectory, kind), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    private static List<Diagnostic> ReaderErrors(string path)
    {
        var diagnostics = new List<Diagnostic>();
        ProjectConfigReader.Read(path, "factcheck.yaml", diagnostics);
        return diagnostics;
    }

    private static ICollection<NJsonSchema.Validation.ValidationError> SchemaErrors(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var roots = YamlTreeReader.Read(yaml, "sample.yaml", diagnostics);
        Assert.Empty(diagnostics);
        var json = roots.Count == 0 ? null : ToJson(roots[0]);
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
