using FactCheck.Cli.Output;

namespace FactCheck.Cli.Tests.Output;

/// <summary>The Markdown step summary, on every sample outcome (snapshots under Snapshots/*.step-summary.md).</summary>
public sealed class StepSummaryTests
{
    public static TheoryData<string> SampleNames() => new(Samples.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Step_summary_matches_the_snapshot(string sample) =>
        Snapshot.Match($"{sample}.step-summary.md", StepSummary.Write(Samples.All[sample]()));

    [Fact]
    public void Markdown_and_html_in_messages_cannot_change_the_page()
    {
        var markdown = StepSummary.Write(Samples.Findings() with
        {
            Findings =
            [
                Samples.Checked(Samples.DateFinding() with { Message = "<img src=x> **bold** | cell `code` [link](http://x)" }, isNew: true, failOn: null),
            ],
        });
        Assert.Contains(@"&lt;img src=x&gt; \*\*bold\*\* \| cell \`code\` \[link\](http://x)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
    }
}
