using FactCheck.Claims.Loading;

namespace FactCheck.Claims.Tests.Loading;

/// <summary>A newsroom word for a key of the format ("byline", "headline") is pointed to the key meant.</summary>
public sealed class KeySynonymTests
{
    [Theory]
    [InlineData("byline: Jane Doe", "unknown key 'byline' in a source; did you mean 'authors'?")]
    [InlineData("headline: Talks go on", "unknown key 'headline' in a source; did you mean 'title'?")]
    [InlineData("newspaper: Daily", "unknown key 'newspaper' in a source; did you mean 'outlet'?")]
    [InlineData("date: 2023-11-08", "unknown key 'date' in a source; did you mean 'published'?")]
    [InlineData("link: https://example.org/a", "unknown key 'link' in a source; did you mean 'url'?")]
    [InlineData("agency: AFP", "unknown key 'agency' in a source; did you mean 'wire'?")]
    public void A_source_key_by_another_name(string line, string message)
    {
        var yaml = $"sources:\n  - id: s\n    kind: article\n    outlet: Daily\n    published: 2023-11-08\n    {line}\n";

        var result = ClaimsLoader.LoadText(yaml, "x.yaml", Path.GetTempPath());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("unknown-key", error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_word_that_names_no_key_of_that_mapping_gets_no_guess()
    {
        // 'speaker' is another word for a claim's claimant, which a source does not have.
        var result = ClaimsLoader.LoadText("sources:\n  - id: s\n    kind: article\n    outlet: Daily\n    speaker: X\n", "x.yaml", Path.GetTempPath());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("unknown key 'speaker' in a source", error.Message);
    }
}
