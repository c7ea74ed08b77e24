using System.Text.Json;
using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

public sealed class JsonFormatterTests
{
    private static JsonElement Parse(FactCheck.Cli.Output.CheckOutcome outcome) =>
        JsonDocument.Parse(Samples.Write(OutputFormats.Create("json"), outcome)).RootElement.Clone();

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void The_documented_shape_in_the_documented_order()
    {
        var root = Parse(Samples.Baseline());
        Assert.Equal(["version", "tool", "summary", "rules", "findings", "suppressed", "ruleErrors", "inputErrors"], Names(root));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(["name", "version"], Names(root.GetProperty("tool")));
        Assert.Equal(
            ["claims", "sources", "rules", "findings", "new", "suppressed", "bySeverity", "ruleErrors", "inputErrors", "exitCode", "failOn", "baseline"],
            Names(root.GetProperty("summary")));
        Assert.Equal(["error", "warning", "info"], Names(root.GetProperty("summary").GetProperty("bySeverity")));
        Assert.Equal(["id", "title", "severity", "description", "fix", "tags", "file", "line", "column"], Names(root.GetProperty("rules")[0]));
        string[] finding = ["ruleId", "severity", "message", "file", "line", "column", "fingerprint", "new", "fails", "claims", "sources", "facts"];
        Assert.Equal(finding, Names(root.GetProperty("findings")[0]));
        Assert.Equal(finding, Names(root.GetProperty("suppressed")[0]));
        Assert.Equal(["ruleId", "message", "ruleFile", "ruleLine", "ruleColumn", "file", "line", "column", "facts"], Names(root.GetProperty("ruleErrors")[0]));
        Assert.Equal(["file", "line", "column", "code", "message", "help"], Names(Parse(Samples.InvalidInput()).GetProperty("inputErrors")[0]));
    }

    [Fact]
    public void The_summary_agrees_with_the_lists()
    {
        var root = Parse(Samples.Baseline());
        var summary = root.GetProperty("summary");
        Assert.Equal(28, summary.GetProperty("claims").GetInt32());
        Assert.Equal(4, summary.GetProperty("sources").GetInt32());
        Assert.Equal(3, summary.GetProperty("rules").GetInt32());
        Assert.Equal(root.GetProperty("findings").GetArrayLength(), summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("new").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(2, summary.GetProperty("ruleErrors").GetInt32());
        Assert.Equal(0, summary.GetProperty("inputErrors").GetInt32());
        Assert.Equal(2, summary.GetProperty("exitCode").GetInt32());
        Assert.Equal("warning", summary.GetProperty("failOn").GetString());
        Assert.True(summary.GetProperty("baseline").GetBoolean());

        var quote = root.GetProperty("findings")[1];
        Assert.Equal("Quote \"50%, maybe more: 60%\" in claim c-07 names no speaker", quote.GetProperty("message").GetString());
        Assert.True(quote.GetProperty("new").GetBoolean());
        Assert.True(quote.GetProperty("fails").GetBoolean());
        Assert.Equal(64, quote.GetProperty("fingerprint").GetString()!.Length);
    }

    [Fact]
    public void Absent_values_are_null_not_missing()
    {
        var root = Parse(Samples.Baseline());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("rules")[1].GetProperty("fix").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ruleErrors")[0].GetProperty("file").ValueKind);
        Assert.Equal(JsonValueKind.Null, Parse(Samples.InvalidInput()).GetProperty("inputErrors")[1].GetProperty("help").ValueKind);
        Assert.Equal("never", Parse(Samples.Clean()).GetProperty("summary").GetProperty("failOn").GetString());
    }
}
