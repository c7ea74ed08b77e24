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
    [InlineData("red \u001b[31mtext\u0007", "red \\x1B[31mtext\\x07")]
    [InlineData("tab\tnul\0c1\u009b2J", "tab\\tnul\\x00c1\\x9B2J")]
    [InlineData("bidi \u202eevil\u2066", "bidi \\u202Eevil\\u2066")]
    public void Message_data_escapes_percent_and_newlines(string data, string escaped) =>
        Assert.Equal(escaped, WorkflowCommands.Data(data));

    [Theory]
    [InlineData("claims/a,b.yaml", "claims/a%2Cb.yaml")]
    [InlineData("rule error: x", "rule error%3A x")]
    [InlineData("50%\n", "50%25%0A")]
    [InlineData("::", "%3A%3A")]
    [InlineData("x\u001b]8;;http://e\u0007", "x\\x1B]8;;http%3A//e\\x07")]
    public void Property_values_also_escape_colon_and_comma(string value, string escaped) =>
        Assert.Equal(escaped, WorkflowCommands.Property(value));

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

    [Theory]
    [InlineData("::error::forged", "\\::error::forged")]
    [InlineData("  ::add-mask::x", "\\  ::add-mask::x")]
    [InlineData("ok :: fine", "ok :: fine")]
    [InlineData("a\n::error::b", "a\\n::error::b")]
    public void A_plain_line_never_starts_a_command(string value, string expected) =>
        Assert.Equal(expected, WorkflowCommands.PlainLine(value));

    [Fact]
    public void Escape_and_bell_in_a_finding_are_neutralised_in_every_part()
    {
        var finding = new Finding("r\u001b[2J", RuleSeverity.Warning, "quote \u001b[31m\u0007 \u009b1A\r\n::error::x", "claims/\u001bx.yaml", 2, 1, [], [], []);
        var outcome = Samples.Findings() with { Findings = [Samples.Checked(finding, isNew: true, failOn: RuleSeverity.Error)], Suppressed = [] };
        var text = Samples.Write(OutputFormats.Create("github"), outcome);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u009b', text);
        Assert.DoesNotContain('\r', text);
        var lines = text.Split('\n');
        Assert.Equal("::warning file=claims/\\x1Bx.yaml,line=2,col=1,title=r\\x1B[2J::quote \\x1B[31m\\x07 \\x9B1A%0D%0A::error::x", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.False(l.StartsWith("::", StringComparison.Ordinal), l));
    }

    [Fact]
    public void Errors_come_before_warnings_before_notices_and_info_is_left_out_by_default()
    {
        var outcome = Samples.Findings();
        var all = Samples.Write(OutputFormats.Create("github"), outcome).Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(["::error", "::warning", "::notice", "::notice"], all.Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]));

        var shown = Samples.Write(OutputFormats.Create("github", new TextOutputOptions(false, TextOutputOptions.DefaultMinSeverity)), outcome).Split('\n');
        Assert.Equal(2, shown.Count(l => l.StartsWith("::", StringComparison.Ordinal)));
        Assert.Contains("2 findings (info) not shown: single-source 2; --min-severity info lists them", shown);
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
