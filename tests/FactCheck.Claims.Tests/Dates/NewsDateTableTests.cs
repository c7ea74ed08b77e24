using FactCheck.Claims.Dates;
using Xunit.Abstractions;

namespace FactCheck.Claims.Tests.Dates;

/// <summary>
/// The news table (news-dates.tsv): each expression is found in its whole sentence with
/// <see cref="DateResolver.ResolveAll"/> against the publication date, and scored at the value's own granularity.
/// A row is wrong when the resolver gives a date where a careful reader gives none, drops part of the expression,
/// or gives a span that neither contains nor lies within the reader's value. No row may be wrong; at least 85% of
/// the expressions a careful reader resolves must be resolved.
/// </summary>
public sealed class NewsDateTableTests(ITestOutputHelper output)
{
    internal sealed record Row(string Id, PartialDate Reference, string Sentence, string Expression, string Expected);

    internal enum Grade
    {
        Exact,
        Contains,
        Within,
        Declined,
        DeclinedAsExpected,
        Wrong,
    }

    private static readonly Lazy<IReadOnlyList<Row>> Table = new(Load);

    public static TheoryData<string> Ids
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (var row in Table.Value) ids.Add(row.Id);
            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Never_a_wrong_date(string id)
    {
        var row = Table.Value.Single(r => r.Id == id);
        var (grade, detail) = Score(row);
        Assert.True(grade != Grade.Wrong, $"{row.Id} [{row.Reference}] \"{row.Sentence}\" '{row.Expression}': expected {row.Expected}, {detail}");
    }

    [Fact]
    public void Resolves_most_of_what_a_careful_reader_resolves()
    {
        var graded = Table.Value.Select(r => (Row: r, Score: Score(r))).ToList();
        var resolvable = graded.Where(g => g.Row.Expected != "unresolved").ToList();
        int Count(IEnumerable<(Row Row, (Grade Grade, string Detail) Score)> rows, params Grade[] grades) => rows.Count(g => grades.Contains(g.Score.Grade));

        var resolved = Count(resolvable, Grade.Exact, Grade.Contains, Grade.Within);
        var exact = Count(resolvable, Grade.Exact);
        var wrong = Count(graded, Grade.Wrong);
        var declinedAsExpected = Count(graded, Grade.DeclinedAsExpected);
        var unresolvable = graded.Count - resolvable.Count;
        output.WriteLine($"rows {graded.Count}: {resolvable.Count} with a value, {unresolvable} a careful reader leaves unresolved");
        output.WriteLine($"resolved {resolved}/{resolvable.Count} = {Percent(resolved, resolvable.Count)}; exact {exact} = {Percent(exact, resolvable.Count)}; "
            + $"containing {Count(resolvable, Grade.Contains)}, within {Count(resolvable, Grade.Within)}; wrong {wrong}; declined as expected {declinedAsExpected}/{unresolvable}");
        output.WriteLine($"all rows right (exact, containing, within, or declined where the reader declines): {Percent(resolved + declinedAsExpected, graded.Count)}");
        foreach (var (row, score) in graded.Where(g => g.Score.Grade is Grade.Declined or Grade.Wrong or Grade.Contains or Grade.Within))
        {
            output.WriteLine($"{score.Grade,-9} {row.Id} [{row.Reference}] '{row.Expression}' expected {row.Expected}: {score.Detail}");
        }

        Assert.True(graded.Count >= 400, $"{graded.Count} rows");
        Assert.Equal(0, wrong);
        Assert.True(resolved >= 0.85 * resolvable.Count, $"resolved {resolved} of {resolvable.Count}");
    }

    private static string Percent(int part, int whole) => $"{100.0 * part / whole:F1}%";

    internal static (Grade Grade, string Detail) Score(Row row)
    {
        var at = row.Sentence.IndexOf(row.Expression, StringComparison.Ordinal);
        var end = at + row.Expression.Length;
        var hit = DateResolver.ResolveAll(row.Sentence, row.Reference)
            .Where(r => r.MatchedText is not null && r.MatchIndex < end && at < r.MatchIndex + r.MatchedText.Length)
            .OrderByDescending(r => r.IsResolved)
            .FirstOrDefault();
        if (hit is null || !hit.IsResolved)
        {
            var why = hit?.Reason ?? "no expression recognised there";
            return row.Expected == "unresolved" ? (Grade.DeclinedAsExpected, why) : (Grade.Declined, why);
        }

        if (row.Expected == "unresolved")
        {
            return (Grade.Wrong, $"resolved what a careful reader cannot: {hit}");
        }

        if (hit.MatchIndex > at || hit.MatchIndex + hit.MatchedText!.Length < end)
        {
            return (Grade.Wrong, $"resolved only part of the expression: {hit}");
        }

        var expected = ExpectedSpan(row.Expected);
        var got = hit.Span!.Value;
        return got == expected ? (Grade.Exact, hit.ToString())
            : got.Contains(expected) ? (Grade.Contains, hit.ToString())
            : expected.Contains(got) ? (Grade.Within, hit.ToString())
            : (Grade.Wrong, $"got {hit}");
    }

    internal static DateInterval ExpectedSpan(string expected)
    {
        var slash = expected.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? PartialDate.Parse(expected).Span
            : new DateInterval(PartialDate.Parse(expected[..slash]).FirstDay, PartialDate.Parse(expected[(slash + 1)..]).LastDay);
    }

    internal static IReadOnlyList<Row> Load()
    {
        var rows = new List<Row>();
        var path = Path.Combine(DatesFolder(), "news-dates.tsv");
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length != 5) throw new InvalidDataException($"{path}:{i + 1}: expected 5 tab-separated fields, found {f.Length}");
            if (!f[2].Contains(f[3], StringComparison.Ordinal)) throw new InvalidDataException($"{path}:{i + 1}: '{f[3]}' is not in the sentence");
            rows.Add(new Row(f[0], PartialDate.Parse(f[1]), f[2], f[3], f[4]));
        }

        var duplicate = rows.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? rows : throw new InvalidDataException($"{path}: id {duplicate.Key} is used twice");
    }

    private static string DatesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FactCheck.Claims.Tests", "Dates");
            if (File.Exists(Path.Combine(candidate, "news-dates.tsv"))) return candidate;
        }

        throw new DirectoryNotFoundException("tests/FactCheck.Claims.Tests/Dates/news-dates.tsv not found above " + AppContext.BaseDirectory);
    }
}
