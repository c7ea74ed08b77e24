using FactCheck.Cli.Output;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Tests.Output;

public sealed class TextFormatterTests
{
    private static string Text(FactCheck.Cli.Output.CheckOutcome outcome, bool color = false) =>
        Samples.Write(OutputFormats.Create("text", color), outcome);

    [Fact]
    public void One_line_per_finding_in_compiler_style()
    {
        var lines = Text(Samples.Findings()).Split('\n');
        Assert.Contains("claims/euronews.yaml:12:5 error claim-date-after-publication Claim c-03 is dated 2024-05-02, after the article was published on 2024-05-01", lines);

        // No position known: the file alone, rather than a misleading :0:0.
        Assert.Contains("claims/rewrite.yaml info single-source The rewrite cites a single source overall", lines);
    }

    [Fact]
    public void Files_are_separated_by_a_blank_line_and_the_summary_comes_last()
    {
        var text = Text(Samples.Findings());
        Assert.Contains("no speaker\n\nclaims/rewrite.yaml info", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n4 findings (1 error, 1 warning, 2 info) in 28 claims; 1 suppressed; 0 rule errors\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_new_findings_against_a_baseline()
    {
        Assert.Equal(
            "3 findings (1 error, 1 warning, 1 info) in 28 claims; 1 new since the baseline; 1 suppressed; 2 rule errors",
            OutputText.Summary(Samples.Baseline()));
        Assert.Equal("0 findings in 28 claims; 0 rule errors", OutputText.Summary(Samples.Clean()));
        Assert.Equal("2 input errors: no rule ran", OutputText.Summary(Samples.InvalidInput()));
    }

    [Fact]
    public void With_a_baseline_only_new_findings_are_marked()
    {
        var lines = Text(Samples.Baseline()).Split('\n');
        Assert.Single(lines, l => l.EndsWith(" [new]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("claims/euronews.yaml:30:7 warning quote-without-source", StringComparison.Ordinal) && l.EndsWith("[new]", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_errors_name_the_rule_its_position_and_the_facts()
    {
        var lines = Text(Samples.Baseline()).Split('\n');
        Assert.Contains("rule error: single-source (rules/sources.yaml:20:3): the regular expression timed out after 1s on 'text' [at claims/rewrite.yaml:15:5]", lines);
        Assert.Contains("rule error: quote-without-source (rules/sources.yaml:1:3): arithmetic overflow in count(appearances)", lines);
    }

    [Fact]
    public void Input_errors_print_as_diagnostics()
    {
        var outcome = Samples.InvalidInput();
        var lines = Text(outcome).Split('\n');
        Assert.Equal(outcome.InputErrors[0].ToString(), lines[0]);
        Assert.Equal("claims/euronews.yaml:7:9: error: unknown key 'dat' in a claim (did you mean 'date'?)", lines[0]);
    }

    [Fact]
    public void Colour_only_when_enabled_and_on_the_severity()
    {
        Assert.DoesNotContain('\u001b', Text(Samples.Baseline()));
        Assert.DoesNotContain('\u001b', Text(Samples.InvalidInput()));

        var colored = Text(Samples.Findings(), color: true);
        Assert.Contains("claims/euronews.yaml:12:5 \u001b[31merror\u001b[0m claim-date-after-publication", colored, StringComparison.Ordinal);
        Assert.Contains("claims/euronews.yaml:30:7 \u001b[33mwarning\u001b[0m quote-without-source", colored, StringComparison.Ordinal);
        Assert.Contains("claims/rewrite.yaml:4:3 \u001b[36minfo\u001b[0m single-source", colored, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_names_and_fail_on_spelling()
    {
        Assert.Equal("info", OutputText.SeverityName(RuleSeverity.Info));
        Assert.Equal("never", OutputText.FailOnName(null));
        Assert.Equal("warning", OutputText.FailOnName(RuleSeverity.Warning));
    }
}
