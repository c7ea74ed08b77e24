using FactCheck.Cli.Output;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Tests.Output;

public sealed class GitHubFormatterTests
{
    [Theory]
    [InlineData("50% sure", "50%25 sure")]
    [InlineData("line one\nline two", "line one%0Aline two")]
    [InlineData("windows\r\nline", "windows%0D%0Aline")]
    [InlineData("%0A stays literal", "%250A stays literal")]
    [InlineData("a: b, c", "a: b, c")]
    public void Message_data_escapes_percent_and_newlines(string data, string escaped) =>
        Assert.Equal(escaped, GitHubFormatter.EscapeData(data));

    [Theory]
    [InlineData("claims/a,b.yaml", "claims/a%2Cb.yaml")]
    [InlineData("rule error: x", "rule error%3A x")]
    [InlineData("50%\n", "50%25%0A")]
    [InlineData("::", "%3A%3A")]
    public void Property_values_also_escape_colon_and_comma(string value, string escaped) =>
        Assert.Equal(escaped, GitHubFormatter.EscapeProperty(value));

    [Fact]
    public void One_command_per_finding_by_severity_then_the_summary()
    {
        var lines = Samples.Write(OutputFormats.Create("github"), Samples.Findings()).Split('\n');
        Assert.Equal(
            [
                "::error file=claims/euronews.yaml,line=12,col=5,title=claim-date-after-publication::Claim c-03 is dated 2024-05-02, after the article was published on 2024-05-01",
                "::warning file=claims/euronews.yaml,line=30,col=7,title=quote-without-source::Quote \"50%25, maybe more: 60%25\" in claim c-07 names no speaker",
                "::notice file=claims/rewrite.yaml,title=single-source::The rewrite cites a single source overall",
                "::notice file=claims/rewrite.yaml,line=4,col=3,title=single-source::Claim r-01 rests on one source (euronews)",
                "4 findings (1 error, 1 warning, 2 info) in 28 claims; 1 suppressed; 0 rule errors",
                "",
            ],
            lines);
    }

    [Fact]
    public void A_hostile_file_name_and_message_cannot_break_out_of_the_command()
    {
        var finding = new Finding("r", RuleSeverity.Error, "first\nsecond ::error::injected", "claims/x,y:z.yaml", 2, 1, [], [], []);
        var outcome = Samples.Findings() with { Findings = [Samples.Checked(finding, isNew: true, failOn: RuleSeverity.Error)], Suppressed = [] };
        var first = Samples.Write(OutputFormats.Create("github"), outcome).Split('\n')[0];
        Assert.Equal("::error file=claims/x%2Cy%3Az.yaml,line=2,col=1,title=r::first%0Asecond ::error::injected", first);
    }

    [Fact]
    public void Input_errors_and_rule_errors_are_error_annotations()
    {
        var invalid = Samples.Write(OutputFormats.Create("github"), Samples.InvalidInput()).Split('\n');
        Assert.Equal("::error file=claims/euronews.yaml,line=7,col=9,title=unknown-key::unknown key 'dat' in a claim (did you mean 'date'?)", invalid[0]);
        Assert.Equal("::error file=rules,title=unknown-rule::--rule names 'nope', which no rule file defines", invalid[1]);

        var baseline = Samples.Write(OutputFormats.Create("github"), Samples.Baseline()).Split('\n');
        Assert.Contains("::error file=rules/sources.yaml,line=1,col=3,title=rule error%3A quote-without-source::rule error: quote-without-source (rules/sources.yaml:1:3): arithmetic overflow in count(appearances)", baseline);
        Assert.Contains(
            "::error file=claims/rewrite.yaml,line=15,col=5,title=rule error%3A single-source::rule error: single-source (rules/sources.yaml:20:3): the regular expression timed out after 1s on 'text'",
            baseline);
    }
}
