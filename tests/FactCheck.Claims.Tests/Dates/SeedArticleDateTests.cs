using System.Text.RegularExpressions;
using FactCheck.Claims.Dates;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>Every date expression the resolver finds in the two seed articles, and what each means.</summary>
public sealed class SeedArticleDateTests
{
    private static readonly PartialDate Published = PartialDate.Parse("2023-11-08");

    public static TheoryData<string, string[]> Articles => new()
    {
        {
            "euronews-afp.txt",
            [
                "on June 25, 2016 = 2016-06-25", "on June 25, 2016 = 2016-06-25", "Copyright 2022 = 2022", "Copyright 2022 = 2022",
                "earlier = ~../2023-11-08", "on Wednesday = 2023-11-08", "on Wednesday = 2023-11-08", "in June = 2023-06",
                "today = 2023-11-08", "in February 2022 = 2022-02", "in October = 2023-10",
                "nearly two years ago = ~2021-11-08/2022-05-08", "Earlier on Wednesday = 2023-11-08",
            ]
        },
        {
            "rewrite.txt",
            [
                "2023-11-08 = 2023-11-08", "November 8, 2023 = 2023-11-08",
                "earlier = ~../2023-11-08", "on Wednesday = 2023-11-08", "on Wednesday = 2023-11-08", "in June = 2023-06",
                "today = 2023-11-08", "in February 2022 = 2022-02", "in October = 2023-10",
                "nearly two years ago = ~2021-11-08/2022-05-08", "Earlier on Wednesday = 2023-11-08",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Finds_and_resolves_every_date_expression(string file, string[] expected)
    {
        var found = new List<string>();
        foreach (var sentence in Sentences(File.ReadAllText(Path.Combine(TextsFolder(), file))))
        {
            foreach (var r in DateResolver.ResolveAll(sentence, Published))
            {
                Assert.True(r.IsResolved, $"'{sentence}': {r}");
                var value = (r.Approximate ? "~" : "") + ((object?)r.Value ?? r.Interval);
                found.Add($"{r.MatchedText} = {value}");
            }
        }

        Assert.Equal(expected, found);
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n')
            .SelectMany(line => Regex.Split(line, @"(?<=[.!?])\s+"))
            .Where(s => !string.IsNullOrWhiteSpace(s));

    private static string TextsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "claims", "texts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("claims/texts not found above " + AppContext.BaseDirectory);
    }
}
