using System.Text;
using FactCheck.Claims.Loading;
using FactCheck.Cli.ClaimReview;

namespace FactCheck.Cli.Tests.ClaimReview;

/// <summary>Imported text (strangers' pages) written as YAML reads back as the same text through the claims loader.</summary>
public sealed class YamlOutTests
{
    private const string Alphabet = "ab :#-?,[]{}&*!|>'\"%@`\\\n\t\r\u0085\u00A0\u2028\uFEFF0.+~éü中😀";

    [Fact]
    public void Every_text_reads_back_unchanged()
    {
        var random = new Random(20241205);
        var texts = new List<string> { "true", "null", "~", "1.5", "2024-03-05", "- x", "x: y", "a #b", "", " lead", "trail ", "yes", "&a", "*a", "!tag" };
        for (var i = 0; i < 1_000; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 24);
            for (var j = 0; j < length; j++) sb.Append(Alphabet[random.Next(Alphabet.Length)]);
            texts.Add(sb.ToString().Replace("\uD83D", "", StringComparison.Ordinal).Replace("\uDE00", "", StringComparison.Ordinal));
        }

        foreach (var text in texts.Where(t => t.Trim().Length > 0))
        {
            var yaml = $"propositions:\n  - key: p\n    description: {YamlOut.Scalar(text)}\n";
            var loaded = ClaimsLoader.LoadText(yaml, "t.yaml");
            Assert.False(loaded.HasErrors, $"{YamlOut.Scalar(text)}: {string.Join("; ", loaded.Diagnostics)}");
            Assert.Equal(text, loaded.ClaimSet.Propositions.Single().Description);
        }
    }
}
