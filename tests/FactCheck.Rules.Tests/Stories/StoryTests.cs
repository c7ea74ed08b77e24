using FactCheck.Claims.Loading;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Rules.Tests.Stories;

/// <summary>
/// Each folder under Stories/ is one news event as several outlets printed it (claims/ with the
/// stored texts), checked with the bundled rules/. Its <c>expected.txt</c> is the reviewed truth: the
/// findings a fact-checker wants, each real problem once and no false alarm. It is written by a
/// person, never from the tool's output.
/// <para>
/// Where the rules do not yet print exactly that, the story's <c>rule-discrepancies.txt</c> pins the
/// difference: <c>+ line</c> is printed by the rules but is not a real problem (false alarm,
/// duplicate), <c>- line</c> is a real problem the rules miss. The test asserts
/// expected - missed + extra, so the suite stays green while the discrepancies stay visible, and it
/// fails as soon as the rules change in either direction. UPDATE_EXPECTED=1 rewrites only
/// rule-discrepancies.txt (deleted when the rules agree); expected.txt is never rewritten.
/// </para>
/// </summary>
public sealed class StoryTests
{
    private const string DiscrepancyFile = "rule-discrepancies.txt";

    private static readonly string StoriesDirectory = RepositoryPaths.Combine("tests", "FactCheck.Rules.Tests", "Stories");

    /// <summary>The bundled pack, compiled once for all stories (compiling it is most of a story's cost).</summary>
    private static readonly Lazy<RulePack> Pack = new(() => RulePackLoader.Load(["rules"], RepositoryPaths.Root));

    public static TheoryData<string> Stories() => CaseFolders.Names(StoriesDirectory);

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_gives_the_reviewed_findings(string story)
    {
        var dir = Path.Combine(StoriesDirectory, story);
        var claims = Load(dir);
        Assert.Empty(claims.Diagnostics);
        var pack = Pack.Value;
        Assert.Empty(pack.Diagnostics);

        var result = RuleRunner.Run(pack, claims.ClaimSet);

        Assert.Empty(result.Errors);
        var actual = result.Findings
            .Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Severity.ToString().ToLowerInvariant()} {f.RuleId} {f.Message}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var reviewed = ReadLines(Path.Combine(dir, "expected.txt"));
        var discrepancyPath = Path.Combine(dir, DiscrepancyFile);

        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1") WriteDiscrepancies(discrepancyPath, reviewed, actual);

        var (extra, missed) = File.Exists(discrepancyPath) ? ReadDiscrepancies(discrepancyPath) : ([], []);
        foreach (var line in missed) Assert.True(reviewed.Contains(line), $"{DiscrepancyFile}: '- {line}' is not a line of expected.txt");
        foreach (var line in extra) Assert.False(reviewed.Contains(line), $"{DiscrepancyFile}: '+ {line}' is a line of expected.txt, so it is not extra");

        var predicted = Subtract(reviewed, missed).Concat(extra).Order(StringComparer.Ordinal).ToList();
        var unexpected = Subtract(actual, predicted);
        var absent = Subtract(predicted, actual);
        Assert.True(
            unexpected.Count == 0 && absent.Count == 0,
            $"story {story}: the rules' findings differ from expected.txt and {DiscrepancyFile}.\n"
            + string.Concat(unexpected.Select(l => $"printed, not expected: {l}\n"))
            + string.Concat(absent.Select(l => $"expected, not printed: {l}\n"))
            + "Review each line: a real problem belongs in expected.txt; a false alarm or a miss of the rules belongs in "
            + $"{DiscrepancyFile} (UPDATE_EXPECTED=1 rewrites that file, never expected.txt) and the story's README.");
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_has_a_primary_record_and_a_reviewed_readme(string story)
    {
        var dir = Path.Combine(StoriesDirectory, story);
        // The corpus of public events keeps its claims in claims/; a folder with its files at the top is a small
        // invented case that exercises rules, not a story to hold to the corpus's standard.
        if (!Directory.Exists(Path.Combine(dir, "claims"))) return;
        Assert.True(File.Exists(Path.Combine(dir, "README.md")), $"{story} has no README.md with its reviewed problem list");
        var claims = Load(dir);
        Assert.Contains(claims.ClaimSet.Sources, s => s.Primary);
        Assert.True(claims.ClaimSet.Sources.Count(s => !s.Primary && s.Kind is not Claims.Model.SourceKind.WireCopy) >= 3, $"{story} needs several printings");
    }

    /// <summary>
    /// The corpus is only as good as its transcription: every recorded wording (direct quote, quoted
    /// fragment, and the printed sentence of a paraphrase or reported appearance) must be in its source's
    /// stored text. The rules skip excerpted texts (text_excerpt: true), but a story stores exactly the
    /// passages it quotes, so here every stored text is checked.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stories))]
    public void Story_wordings_are_in_the_stored_texts(string story)
    {
        var claims = Load(Path.Combine(StoriesDirectory, story));
        var texts = claims.ClaimSet.Sources.Where(s => s.Text is not null).ToDictionary(s => s.Id, s => s.Text!, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var claim in claims.ClaimSet.Claims)
        {
            foreach (var a in claim.Appearances)
            {
                if (!texts.TryGetValue(a.Source.Id, out var text)) continue;
                var where = $"{a.Location.File}:{a.Location.Line} ({claim.Id} in {a.Source.Id})";
                if (TextFunctions.QuoteFound(a.Quote, text) == false) missing.Add($"{where}: quote \"{a.Quote}\"");
                foreach (var fragment in a.QuotedFragments)
                {
                    if (TextFunctions.QuoteFound(fragment, text) == false) missing.Add($"{where}: fragment \"{fragment}\"");
                }
            }
        }

        Assert.True(missing.Count == 0, "wordings not in the stored text:\n" + string.Join("\n", missing));
    }

    /// <summary>A story's claims: its claims/ folder, or the folder itself when the files lie at the top.</summary>
    private static LoadResult Load(string dir) =>
        ClaimsLoader.Load([Directory.Exists(Path.Combine(dir, "claims")) ? "claims" : "."], dir);

    private static List<string> ReadLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).ToList();

    /// <summary>Lines of <paramref name="from"/> not matched one for one in <paramref name="remove"/> (duplicates count).</summary>
    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        var left = remove.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in from)
        {
            if (left.TryGetValue(line, out var n) && n > 0) left[line] = n - 1;
            else result.Add(line);
        }

        return result;
    }

    private static (List<string> Extra, List<string> Missed) ReadDiscrepancies(string path)
    {
        List<string> extra = [], missed = [];
        foreach (var (line, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("+ ", StringComparison.Ordinal)) extra.Add(line[2..]);
            else if (line.StartsWith("- ", StringComparison.Ordinal)) missed.Add(line[2..]);
            else Assert.Fail($"{path}:{number}: a line starts with '+ ' (printed, not a real problem), '- ' (a real problem not printed) or '#'");
        }

        return (extra, missed);
    }

    private static void WriteDiscrepancies(string path, List<string> reviewed, List<string> actual)
    {
        var extra = Subtract(actual, reviewed);
        var missed = Subtract(reviewed, actual);
        if (extra.Count == 0 && missed.Count == 0)
        {
            File.Delete(path);
            return;
        }

        File.WriteAllText(path,
            "# Where the bundled rules differ from the reviewed findings in expected.txt (see README.md, \"Rule behaviour to fix\").\n"
            + "# + printed by the rules, not a real problem (false alarm or duplicate); - a real problem the rules do not print.\n"
            + string.Concat(extra.Select(l => $"+ {l}\n"))
            + string.Concat(missed.Select(l => $"- {l}\n")));
    }
}
