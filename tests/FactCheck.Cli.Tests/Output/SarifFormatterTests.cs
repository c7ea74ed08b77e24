using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Cli.Output;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;
using NJsonSchema;

namespace FactCheck.Cli.Tests.Output;

/// <summary>SARIF checked against the official SARIF 2.1.0 schema (Schemas/), plus what GitHub code scanning relies on.</summary>
public sealed class SarifFormatterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchema).GetAwaiter().GetResult());

    private static string Sarif(FactCheck.Cli.Output.CheckOutcome outcome) => Samples.Write(OutputFormats.Create("sarif"), outcome);

    private static JsonNode Run(FactCheck.Cli.Output.CheckOutcome outcome) => JsonNode.Parse(Sarif(outcome))!["runs"]![0]!;

    public static TheoryData<string> SampleNames() => new(Samples.All.Keys);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_is_valid_against_the_SARIF_2_1_0_schema(string sample)
    {
        var errors = Schema.Value.Validate(Sarif(Samples.All[sample]()));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("runs[0].results[0].level", "fatal")]
    [InlineData("runs[0].results[0].locations[0].physicalLocation.region.startLine", 0)]
    [InlineData("runs[0].results[0].baselineState", "gone")]
    [InlineData("runs[0].invocations[0].toolExecutionNotifications[0].level", "severe")]
    [InlineData("runs[0].tool.driver.rules[0].unknownProperty", "x")]
    public void The_schema_check_rejects_broken_SARIF(string path, object value)
    {
        // Proves the validator really checks: the same log with one wrong value fails.
        var log = JsonNode.Parse(Sarif(Samples.Baseline()))!;
        Set(log, path, value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value));
        Assert.NotEmpty(Schema.Value.Validate(log.ToJsonString()));
    }

    [Fact]
    public void Removing_a_required_property_is_rejected()
    {
        var log = JsonNode.Parse(Sarif(Samples.Findings()))!.AsObject();
        log["runs"]![0]!.AsObject().Remove("tool");
        Assert.NotEmpty(Schema.Value.Validate(log.ToJsonString()));
    }

    [Fact]
    public void Log_header_and_driver()
    {
        var log = JsonNode.Parse(Sarif(Samples.Findings()))!;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", (string?)log["$schema"]);
        Assert.Equal("2.1.0", (string?)log["version"]);
        Assert.Single(log["runs"]!.AsArray());
        var driver = log["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal("FactCheck", (string?)driver["name"]);
        Assert.Equal(Samples.Version, (string?)driver["semanticVersion"]);
        Assert.Equal("https://github.com/factcheck/factcheck", (string?)driver["informationUri"]);
    }

    [Fact]
    public void Rules_carry_names_descriptions_help_level_and_their_YAML_position()
    {
        var rules = Run(Samples.Findings())["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(["claim-date-after-publication", "quote-without-source", "single-source"], rules.Select(r => (string)r!["id"]!).ToArray());

        var date = rules[0]!;
        Assert.Equal("ClaimDateAfterPublication", (string?)date["name"]);
        Assert.Equal("Claim dated after its publication", (string?)date["shortDescription"]!["text"]);
        Assert.Equal(Samples.DateRule.Description, (string?)date["fullDescription"]!["text"]);
        Assert.Equal($"{Samples.DateRule.Description}\n\nFix: {Samples.DateRule.Fix}", (string?)date["help"]!["text"]);
        Assert.Equal($"{Samples.DateRule.Description}\n\n**Fix:** {Samples.DateRule.Fix}", (string?)date["help"]!["markdown"]);
        Assert.Equal("error", (string?)date["defaultConfiguration"]!["level"]);
        var properties = date["properties"]!;
        Assert.Equal(["dates", "consistency"], properties["tags"]!.AsArray().Select(t => (string)t!).ToArray());
        Assert.Equal("high", (string?)properties["precision"]);
        Assert.Equal("error", (string?)properties["problem.severity"]);
        Assert.Equal("rules/dates.yaml", (string?)properties["file"]);
        Assert.Equal(3, (int?)properties["line"]);
        Assert.Equal(3, (int?)properties["column"]);

        Assert.Equal("warning", (string?)rules[1]!["defaultConfiguration"]!["level"]);
        var info = rules[2]!;
        Assert.Equal("note", (string?)info["defaultConfiguration"]!["level"]);
        Assert.Equal("recommendation", (string?)info["properties"]!["problem.severity"]);

        // An empty description falls back to the title: code scanning shows it as the rule's help.
        Assert.Equal("Claim rests on one source", (string?)info["fullDescription"]!["text"]);
    }

    [Fact]
    public void Results_point_at_repository_relative_files_with_fingerprints()
    {
        var outcome = Samples.Findings();
        var results = Run(outcome)["results"]!.AsArray();
        Assert.Equal(outcome.Findings.Count + outcome.Suppressed.Count, results.Count);

        var first = results[0]!;
        Assert.Equal("claim-date-after-publication", (string?)first["ruleId"]);
        Assert.Equal(0, (int?)first["ruleIndex"]);
        Assert.Equal("error", (string?)first["level"]);
        Assert.Equal(outcome.Findings[0].Finding.Message, (string?)first["message"]!["text"]);
        var physical = first["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("claims/euronews.yaml", (string?)physical["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)physical["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(12, (int?)physical["region"]!["startLine"]);
        Assert.Equal(5, (int?)physical["region"]!["startColumn"]);
        Assert.Equal(outcome.Findings[0].Fingerprint, (string?)first["partialFingerprints"]!["factcheck/v1"]);
        Assert.Null(first["baselineState"]);

        Assert.Equal(2, (int?)results[2]!["ruleIndex"]);
        Assert.Equal("note", (string?)results[2]!["level"]);
        Assert.Null(results[2]!["locations"]![0]!["physicalLocation"]!["region"]);

        var suppressed = results[^1]!;
        Assert.Equal("inSource", (string?)suppressed["suppressions"]![0]!["kind"]);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_result_has_a_file_location_as_code_scanning_requires(string sample)
    {
        // GitHub rejects the whole upload when one result has no physicalLocation.artifactLocation.uri.
        foreach (var result in Run(Samples.All[sample]())["results"]!.AsArray())
        {
            var locations = result!["locations"]!.AsArray();
            Assert.NotEmpty(locations);
            Assert.All(locations, l => Assert.False(string.IsNullOrEmpty((string?)l!["physicalLocation"]!["artifactLocation"]!["uri"])));
        }
    }

    [Fact]
    public void A_finding_without_a_file_points_at_its_rule()
    {
        var finding = new Finding(Samples.QuoteRule.Id, RuleSeverity.Warning, "no facts to point at", string.Empty, 0, 0, [], [], []);
        var outcome = Samples.Clean() with { Findings = [Samples.Checked(finding, isNew: true, failOn: RuleSeverity.Error)] };
        var sarif = Sarif(outcome);
        Assert.Empty(Schema.Value.Validate(sarif));

        var result = JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!;
        var physical = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("rules/sources.yaml", (string?)physical["artifactLocation"]!["uri"]);
        Assert.Equal(1, (int?)physical["region"]!["startLine"]);
        Assert.True((bool?)result["properties"]!["locatedAtRule"]);
    }

    [Fact]
    public void Baseline_state_only_with_a_baseline()
    {
        var results = Run(Samples.Baseline())["results"]!.AsArray();
        Assert.Equal(["unchanged", "new", "unchanged", "unchanged"], results.Select(r => (string)r!["baselineState"]!).ToArray());
    }

    [Fact]
    public void Input_and_rule_errors_are_tool_execution_notifications()
    {
        var invalid = Run(Samples.InvalidInput())["invocations"]![0]!;
        Assert.False((bool?)invalid["executionSuccessful"]);
        Assert.Equal(2, (int?)invalid["exitCode"]);
        var notes = invalid["toolExecutionNotifications"]!.AsArray();
        Assert.Equal(2, notes.Count);
        Assert.Equal("error", (string?)notes[0]!["level"]);
        Assert.Equal("unknown key 'dat' in a claim (did you mean 'date'?)", (string?)notes[0]!["message"]!["text"]);
        Assert.Equal("unknown-key", (string?)notes[0]!["descriptor"]!["id"]);
        Assert.Equal(7, (int?)notes[0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]);

        var withErrors = Run(Samples.Baseline())["invocations"]![0]!;
        Assert.False((bool?)withErrors["executionSuccessful"]);
        var ruleError = withErrors["toolExecutionNotifications"]![1]!;
        Assert.Equal("single-source", (string?)ruleError["associatedRule"]!["id"]);
        Assert.Equal(2, (int?)ruleError["associatedRule"]!["index"]);
        var locations = ruleError["locations"]!.AsArray();
        Assert.Equal("claims/rewrite.yaml", (string?)locations[0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("rules/sources.yaml", (string?)locations[1]!["physicalLocation"]!["artifactLocation"]!["uri"]);

        var clean = Run(Samples.Clean())["invocations"]![0]!;
        Assert.True((bool?)clean["executionSuccessful"]);
        Assert.Empty(clean["toolExecutionNotifications"]!.AsArray());
    }

    [Theory]
    [InlineData("claims/a.yaml", "claims/a.yaml")]
    [InlineData("./claims/a.yaml", "claims/a.yaml")]
    [InlineData(@"claims\sub\a.yaml", "claims/sub/a.yaml")]
    [InlineData("claims/sub dir/ü.yaml", "claims/sub%20dir/%C3%BC.yaml")]
    [InlineData("/home/ci/claims/a.yaml", "file:///home/ci/claims/a.yaml")]
    public void Artifact_uris_are_relative_forward_slashed_and_encoded(string path, string uri) =>
        Assert.Equal(uri, SarifFormatter.ArtifactUri(path));

    [Theory]
    [InlineData("claim-date-after-publication", "ClaimDateAfterPublication")]
    [InlineData("single_source.v2", "SingleSourceV2")]
    [InlineData("x", "X")]
    public void Rule_names_are_pascal_case_ids(string id, string name) => Assert.Equal(name, SarifFormatter.PascalCase(id));

    /// <summary>Sets a value at a dotted path with [i] indexes, e.g. <c>runs[0].results[0].level</c>.</summary>
    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var last = i == parts.Length - 1;
            if (bracket < 0 && last)
            {
                node.AsObject()[name] = value;
                return;
            }

            node = node[name]!;
            if (bracket >= 0)
            {
                var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (last)
                {
                    node.AsArray()[index] = value;
                    return;
                }

                node = node[index]!;
            }
        }
    }
}
