using FactCheck.Rules.Expressions.Reports;

namespace FactCheck.Cli.Tests.Html;

/// <summary>The page marks words with the drift rules' own diff: changed words, and reference words left out in place.</summary>
public sealed class WordingComparisonTests
{
    [Fact]
    public void Changed_and_left_out_words_are_marked_in_place()
    {
        var words = WordingComparison.Compare(
            "technologies that Russia is using in Ukraine, including fighter jet parts",
            "technologies that Russia used in Ukraine including parts for fighter jets");

        Assert.Equal(
            "technologies that Russia [-is] [-using] {used} in Ukraine including [-fighter] [-jet] parts {for} {fighter} {jets}",
            string.Join(' ', words.Select(w => w.Removed ? $"[-{w.Text}]" : w.Changed ? $"{{{w.Text}}}" : w.Text)));
    }

    [Fact]
    public void The_same_words_are_not_marked() =>
        Assert.DoesNotContain(WordingComparison.Compare("We will win.", "we WILL win"), w => w.Changed || w.Removed);
}
