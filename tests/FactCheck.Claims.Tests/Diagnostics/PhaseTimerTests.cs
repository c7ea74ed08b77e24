using System.Globalization;
using System.Text.RegularExpressions;
using FactCheck.Claims.Diagnostics;

namespace FactCheck.Claims.Tests.Diagnostics;

/// <summary>The structure of the timings (what nests under what, that each level adds up), not the times themselves.</summary>
public sealed partial class PhaseTimerTests
{
    [Fact]
    public async Task Nested_phases_are_indented_under_their_parent_and_every_level_adds_up()
    {
        var output = new StringWriter();
        using (var root = new PhaseTimer(output))
        {
            Thread.Sleep(2);
            root.Mark("first");
            using (var inner = new PhaseTimer())
            {
                Thread.Sleep(2);
                inner.Mark("inner a");
                // A task started inside the inner timer nests under it too.
                await Task.Run(() =>
                {
                    using var deepest = new PhaseTimer();
                    Thread.Sleep(1);
                    deepest.Mark("deepest");
                });
                inner.Mark("inner b");
            }

            root.Mark("second");
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        // Each parent's line is printed before the lines nested in it.
        Assert.Equal(["first", "second", "inner a", "inner b", "deepest", "other", "other", "other", "total (wall time)"], lines.Select(l => l.Name));
        Assert.Equal([0, 0, 1, 1, 2, 2, 1, 0, 0], lines.Select(l => l.Depth));
        AssertAddsUp(lines[1].Ms, [lines[2].Ms, lines[3].Ms, lines[6].Ms]);
        AssertAddsUp(lines[3].Ms, [lines[4].Ms, lines[5].Ms]);
        AssertAddsUp(lines[8].Ms, [lines[0].Ms, lines[1].Ms, lines[7].Ms]);
    }

    [Fact]
    public void Time_after_the_last_mark_is_an_other_line_so_the_total_is_the_sum_of_the_lines()
    {
        var output = new StringWriter();
        using (var root = new PhaseTimer(output))
        {
            root.Mark("quick");
            Thread.Sleep(5);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Equal(["quick", "other", "total (wall time)"], lines.Select(l => l.Name));
        AssertAddsUp(lines[2].Ms, [lines[0].Ms, lines[1].Ms]);
    }

    [Fact]
    public void A_disabled_timer_prints_nothing_and_does_not_become_a_parent()
    {
        using var off = new PhaseTimer(writer: null);
        off.Mark("nothing");
        var output = new StringWriter();
        using (var root = new PhaseTimer(output))
        {
            root.Mark("only");
        }

        Assert.Equal(["only", "other", "total (wall time)"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Parse(l).Name));
    }

    /// <summary>Printed whole milliseconds: each rounds by at most half a millisecond.</summary>
    private static void AssertAddsUp(double total, double[] parts) =>
        Assert.InRange(parts.Sum(), total - (parts.Length + 1) * 0.5, total + (parts.Length + 1) * 0.5);

    private static (int Depth, string Name, double Ms) Parse(string line)
    {
        var match = LinePattern().Match(line);
        Assert.True(match.Success, $"not a timing line: {line}");
        return (match.Groups["indent"].Length / 2, match.Groups["name"].Value.TrimEnd(), double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^timing: (?<indent> *)(?<name>\S.*?)\s+(?<ms>-?\d+) ms")]
    private static partial Regex LinePattern();
}
