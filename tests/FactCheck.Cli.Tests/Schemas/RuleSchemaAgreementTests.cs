using System.Text.Json.Nodes;
using FactCheck.Claims.Diagnostics;
using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using NJsonSchema;

namespace FactCheck.Cli.Tests.Schemas;

/// <summary>
/// The rule files' JSON Schema (what an editor checks and completes through yaml-language-server) and the
/// rule compiler agree on every structural sample: the bundled rule files, the rule files of the test cases,
/// and the mistakes an editor should underline. Expressions (where, test, messages) are the compiler's alone.
/// </summary>
public sealed class RuleSchemaAgreementTests
{
    private static readonly string SchemaPath = RepositoryPaths.Combine("src", "FactCheck.Rules", "Schema", "rules.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(SchemaPath).GetAwaiter().GetResult());

    private const string Valid = """
        rules:
          - id: demo.one
            title: One
            severity: warning
            description: A rule.
            fix: Fix it.
            tags: [demo]
            priority: 2
            when:
              - c: Claim
              - a: Appearance
                where: a.ClaimId == c.Id
              - not: {s: Source, where: s.Id == a.SourceId}
              - exists:
                  - x: Stance
                    where: x.ClaimId == c.Id
              - n: Appearance
              - test: c.Statement != ''
              - count: k
                of: {b: Appearance, where: b.ClaimId == c.Id}
                where: k >= 1
              - max: latest
                of: {s2: Source}
                select: s2.Id
            then:
              - flag: "claim {c.Id}"
              - flag: {message: "again {c.Id}", on: a, severity: info}
        tests:
          - name: flags
            claims: {sources: []}
            expect: [{rule: demo.one, claim: c1, count: 1}]
            expect_not: [{rule: demo.one}]

        """;

    public static TheoryData<string, string> Mistakes() => new()
    {
        { "severity: eror", Valid.Replace("severity: warning", "severity: eror", StringComparison.Ordinal) },
        { "descripton:", Valid.Replace("    description: A rule.", "    descripton: A rule.", StringComparison.Ordinal) },
        { "no when", Cut(Valid, "    when:", "    then:") },
        { "no then", Cut(Valid, "    then:", "tests:") },
        { "when: []", Cut(Valid, "    when:", "    then:").Replace("    then:", "    when: []\n    then:", StringComparison.Ordinal) },
        { "no title", Valid.Replace("    title: One\n", string.Empty, StringComparison.Ordinal) },
        { "blank title", Valid.Replace("    title: One", "    title: ' '", StringComparison.Ordinal) },
        { "bad rule id", Valid.Replace("id: demo.one", "id: Demo One", StringComparison.Ordinal) },
        { "unknown fact type", Valid.Replace("- c: Claim", "- c: Claimm", StringComparison.Ordinal) },
        { "two bindings", Valid.Replace("- c: Claim", "- {c: Claim, d: Source}", StringComparison.Ordinal) },
        { "a keyword bound", Valid.Replace("- n: Appearance", "- of: Appearance", StringComparison.Ordinal) },
        { "a bad name bound", Valid.Replace("- n: Appearance", "- 2n: Appearance", StringComparison.Ordinal) },
        { "not and exists", Valid.Replace("- not: {s: Source, where: s.Id == a.SourceId}", "- {not: {s: Source}, exists: {t: Source}}", StringComparison.Ordinal) },
        { "test and more", Valid.Replace("- test: c.Statement != ''", "- {test: c.Statement != '', where: x}", StringComparison.Ordinal) },
        { "count without of", Valid.Replace("        of: {b: Appearance, where: b.ClaimId == c.Id}\n", string.Empty, StringComparison.Ordinal) },
        { "max without select", Valid.Replace("        select: s2.Id\n", string.Empty, StringComparison.Ordinal) },
        { "unknown action", Valid.Replace("- flag: \"claim {c.Id}\"", "- flg: \"claim {c.Id}\"", StringComparison.Ordinal) },
        { "flag without message", Valid.Replace("{message: \"again {c.Id}\", on: a, severity: info}", "{on: a}", StringComparison.Ordinal) },
        { "flag severity eror", Valid.Replace("severity: info}", "severity: eror}", StringComparison.Ordinal) },
        { "insert without type", Valid.Replace("- flag: \"claim {c.Id}\"", "- insert: {set: {Key: c.Id}}", StringComparison.Ordinal) },
        { "priority not a number", Valid.Replace("priority: 2", "priority: high", StringComparison.Ordinal) },
        { "test expects nothing", Valid.Replace("    expect: [{rule: demo.one, claim: c1, count: 1}]\n    expect_not: [{rule: demo.one}]\n", "    expect: []\n", StringComparison.Ordinal) },
        { "test without claims", Valid.Replace("    claims: {sources: []}\n", string.Empty, StringComparison.Ordinal) },
        { "negative count", Valid.Replace("count: 1}", "count: -1}", StringComparison.Ordinal) },
        { "unknown root key", Valid + "extra: 1\n" },
        { "rules not a list", "rules: {id: x}\n" },
    };

    [Fact]
    public void The_valid_sample_is_valid_for_both()
    {
        Assert.Empty(SchemaErrors(Valid));
        Assert.Empty(LoaderErrors(Valid));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_an_error_for_both_the_schema_and_the_compiler(string mistake, string yaml)
    {
        Assert.True(SchemaErrors(yaml).Count > 0, $"the schema accepts {mistake}");
        Assert.True(LoaderErrors(yaml).Count > 0, $"the compiler accepts {mistake}");
    }

    [Fact]
    public void Every_bundled_and_test_case_rule_file_is_valid_for_both()
    {
        var files = Directory.GetFiles(RepositoryPaths.Combine("rules"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryPaths.Combine("tests", "FactCheck.Cli.Tests", "Cases"), "*.yaml", SearchOption.AllDirectories)
                .Where(f => f.Contains($"{Path.DirectorySeparatorChar}rules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count > 4);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var loaderValid = LoaderErrors(text).Count == 0;
            var schemaErrors = SchemaErrors(text);

            // Rule files that the compiler refuses for their expressions are valid structure: only the other way is a disagreement.
            if (loaderValid) Assert.True(schemaErrors.Count == 0, $"{file}: {string.Join("; ", schemaErrors)}");
        }
    }

    [Fact]
    public void Every_property_says_what_it_is_and_every_enum_and_pattern_explains_itself()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var properties = 0;
        foreach (var node in Descendants(schema).OfType<JsonObject>())
        {
            if (node["properties"] is JsonObject props)
            {
                // Declarations (a type, a reference, alternatives); an anyOf's "expect: {minItems: 1}" only constrains.
                foreach (var (name, property) in props.Where(p => p.Value is JsonObject o && (o.ContainsKey("type") || o.ContainsKey("$ref") || o.ContainsKey("oneOf"))))
                {
                    Assert.True(property?["description"] is not null || property?["$ref"] is not null, $"property '{name}' has no description");
                    properties++;
                }
            }

            // A schema's own pattern keyword (a string), not the definition named "pattern".
            if (node["pattern"] is JsonValue pattern && (string?)pattern != "\\S")
            {
                Assert.True(node.ContainsKey("patternErrorMessage"), $"pattern without a message: {node.ToJsonString()}");
            }

            if (node["enum"] is JsonArray values)
            {
                Assert.True(node["markdownEnumDescriptions"] is JsonArray docs && docs.Count == values.Count, $"enum without descriptions: {values.ToJsonString()}");
            }
        }

        Assert.True(properties > 30);
    }

    [Fact]
    public void The_fact_types_and_severities_are_the_compilers()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var types = schema["definitions"]!["factType"]!["enum"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(FactCheck.Rules.Facts.FactProjection.FactTypes.Keys.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
        var severities = schema["definitions"]!["rule"]!["properties"]!["severity"]!["enum"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(KebabCase.Words<RuleSeverity>().Order(StringComparer.Ordinal), severities.Order(StringComparer.Ordinal));
    }

    private static string Cut(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return text[..start] + text[end..];
    }

    private static List<Diagnostic> LoaderErrors(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("factcheck-rule-schema-").FullName;
        try
        {
            var file = Path.Combine(dir, "rules.yaml");
            File.WriteAllText(file, yaml);
            return RulePackLoader.Load([file], dir).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ICollection<NJsonSchema.Validation.ValidationError> SchemaErrors(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var roots = YamlTreeReader.Read(yaml, "rules.yaml", diagnostics);
        Assert.Empty(diagnostics);
        var json = roots.Count == 0 ? new JsonObject() : ToJson(roots[0]);
        return Schema.Value.Validate(json?.ToJsonString() ?? "null");
    }

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
