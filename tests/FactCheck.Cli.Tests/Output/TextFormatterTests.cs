using System.Text;
using FactCheck.Cli.Output;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Tests.Output;

public sealed class TextFormatterTests
{
    private static string Text(CheckOutcome outcome, bool color = false) =>
        Samples.Write(OutputFormats.Create("text", color), outcome);

    private static string Text(CheckOutcome outcome, TextOutputOptions options) =>
        Samples.Write(OutputFormats.Create("text", options), outcome);

    private static TextOutputOptions Default => new(false, TextOutputOptions.DefaultMinSeverity);

    [Fact]
    public void Findings_are_grouped_by_rule_most_severe_first_with_counts_and_title()
    {
        var lines = Text(Samples.Findings()).Split('\n');
        var headers = lines.Where(l => l.Length > 0 && !l.StartsWith(' ') && l.Contains(" - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "error claim-date-after-publication: 1 finding on 1 claim - Claim dated after its publication",
                "warning quote-without-source: 1 finding on 1 claim - Quote without a source",
                "info single-source: 2 findings on 1 claim - Claim rests on one source",
            ],
            headers);
        Assert.Contains("  claims/euronews.yaml:12:5 Claim c-03 is dated 2024-05-02, after the article was published on 2024-05-01", lines);

        // No position known: the file alone, rather than a misleading :0:0.
        Assert.Contains("  claims/rewrite.yaml The rewrite cites a single source overall", lines);
    }

    [Fact]
    public void A_summary_per_rule_and_per_claim_flagged_then_the_totals()
    {
        var text = Text(Samples.Findings());
        Assert.Contains(
            "By rule:\n"
            + "  error    1  claim-date-after-publication  Claim dated after its publication\n"
            + "  warning  1  quote-without-source          Quote without a source\n"
            + "  info     2  single-source                 Claim rests on one source\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("\nClaims flagged: 3 of 28\n  c-03  1 finding (claim-date-after-publication)\n  c-07  1 finding (quote-without-source)\n  r-01  1 finding (single-source)\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n4 findings (1 error, 1 warning, 2 info) in 28 claims; 1 suppressed; 0 rule errors\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_info_is_counted_not_listed_and_the_hint_says_how_to_see_it()
    {
        var text = Text(Samples.Findings(), Default);
        Assert.DoesNotContain("single-source:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("r-01", text, StringComparison.Ordinal);
        Assert.EndsWith(
            "4 findings (1 error, 1 warning, 2 info) in 28 claims; 1 suppressed; 0 rule errors\n"
            + "2 findings (info) not shown: single-source 2; --min-severity info lists them\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_that_fails_the_run_is_listed_whatever_the_display_level()
    {
        var outcome = Samples.Findings() with
        {
            Findings = [Samples.Checked(Samples.SingleSourceFinding(), isNew: true, failOn: RuleSeverity.Info)],
            FailOn = RuleSeverity.Info,
        };
        var text = Text(outcome, new TextOutputOptions(false, RuleSeverity.Error));
        Assert.Contains("  claims/rewrite.yaml:4:3 Claim r-01 rests on one source (euronews)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_prints_one_self_contained_line_per_finding_and_nothing_else()
    {
        var text = Text(Samples.Findings(), Default with { Quiet = true });
        Assert.Equal(
            "claims/euronews.yaml:12:5 error claim-date-after-publication Claim c-03 is dated 2024-05-02, after the article was published on 2024-05-01\n"
            + "claims/euronews.yaml:30:7 warning quote-without-source Quote \"50%, maybe more: 60%\" in claim c-07 names no speaker\n",
            text);
        Assert.Equal(string.Empty, Text(Samples.Clean(), Default with { Quiet = true }));
    }

    [Fact]
    public void Statistics_prints_counts_per_rule_instead_of_findings()
    {
        var text = Text(Samples.Findings(), new TextOutputOptions(false, Statistics: true));
        Assert.Equal(
            "error    1  claim-date-after-publication  Claim dated after its publication\n"
            + "warning  1  quote-without-source          Quote without a source\n"
            + "info     2  single-source                 Claim rests on one source\n"
            + "\n4 findings (1 error, 1 warning, 2 info) in 28 claims; 1 suppressed; 0 rule errors\n",
            text);
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
        Assert.Contains("  claims/euronews.yaml:30:7 Quote \"50%, maybe more: 60%\" in claim c-07 names no speaker [new]", lines);
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
        Assert.Contains("\u001b[31merror\u001b[0m \u001b[1mclaim-date-after-publication\u001b[0m:", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[33mwarning\u001b[0m \u001b[1mquote-without-source\u001b[0m:", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[36minfo\u001b[0m \u001b[1msingle-source\u001b[0m:", colored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, null, true, true)]
    [InlineData(false, null, null, false, false)]
    [InlineData(true, null, null, true, false)]
    [InlineData(false, "1", null, true, false)]
    [InlineData(false, "", null, true, true)]
    [InlineData(false, null, "1", false, true)]
    [InlineData(false, "1", "1", false, true)]
    [InlineData(false, null, "0", true, false)]
    [InlineData(true, null, "1", false, false)]
    public void Colour_follows_the_flag_then_FORCE_COLOR_then_NO_COLOR_then_the_terminal(bool noColorFlag, string? noColor, string? forceColor, bool terminal, bool expected)
    {
        string? Environment(string name) => name switch
        {
            "NO_COLOR" => noColor,
            "FORCE_COLOR" => forceColor,
            _ => null,
        };
        Assert.Equal(expected, ColorChoice.Decide(noColorFlag, toFile: false, terminal, Environment));
        Assert.False(ColorChoice.Decide(noColorFlag, toFile: true, terminal, Environment));
    }

    [Fact]
    public void Hostile_file_names_rule_ids_and_messages_cannot_forge_lines_or_move_the_cursor()
    {
        var hostile = new Finding(
            "r\u001b[2J", RuleSeverity.Error, "quote\n::error file=x::forged\r\u001b[1A\u0007 \u202etxt.exe",
            "claims/evil\nclaims/x.yaml:1:1 error fake\u001b[31m.yaml", 3, 4, ["claim:c\u001b"], ["c\u001b"], []);
        var outcome = Samples.Findings() with { Findings = [Samples.Checked(hostile, isNew: true, failOn: RuleSeverity.Error)], Suppressed = [] };
        foreach (var options in new[] { TextOutputOptions.Plain, Default with { Quiet = true }, new TextOutputOptions(false, Statistics: true), new TextOutputOptions(true) })
        {
            var text = Text(outcome, options);
            var withoutOurColours = System.Text.RegularExpressions.Regex.Replace(text, @"\u001b\[(0|1|2|31|33|36)m", string.Empty);
            Assert.DoesNotContain(withoutOurColours, c => TerminalText.IsUnsafe(c) && c != '\n');
            Assert.DoesNotContain("\n::", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nclaims/x.yaml", text, StringComparison.Ordinal);
        }

        Assert.Contains(
            "claims/evil\\nclaims/x.yaml:1:1 error fake\\x1B[31m.yaml:3:4 error r\\x1B[2J quote\\n::error file=x::forged\\r\\x1B[1A\\x07 \\u202Etxt.exe",
            Text(outcome, Default with { Quiet = true }),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_names_and_fail_on_spelling()
    {
        Assert.Equal("info", OutputText.SeverityName(RuleSeverity.Info));
        Assert.Equal("never", OutputText.FailOnName(null));
        Assert.Equal("warning", OutputText.FailOnName(RuleSeverity.Warning));
    }

    /// <summary>
    /// Many findings on many claims, ties included: the findings in file order within each rule, the rules most severe
    /// first, each group's claims counted once, and the ten claims listed (most severe, most flagged, then by id) with
    /// their rules, as a plain sort of every claim gives them.
    /// </summary>
    [Theory]
    [InlineData(1, RuleSeverity.Info, null)]
    [InlineData(2, RuleSeverity.Warning, null)]
    [InlineData(3, RuleSeverity.Error, RuleSeverity.Warning)]
    public void Many_findings_are_grouped_ordered_and_summarised_as_a_full_sort_gives_them(int seed, RuleSeverity minSeverity, RuleSeverity? failOn)
    {
        var random = new Random(seed);
        string[] rules = ["a-rule", "b-rule", "c-rule", "d-rule"];
        var findings = new List<CheckedFinding>();
        for (var i = 0; i < 3_000; i++)
        {
            // A few claims named often, most rarely; sometimes one claim twice in a finding.
            var ids = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"c-{(random.Next(3) == 0 ? random.Next(12) : random.Next(400))}").ToList();
            var rule = rules[random.Next(rules.Length)];
            var severity = (RuleSeverity)random.Next(3);
            var finding = new Finding(rule, severity, $"finding {i}", $"claims/f{i / 100}.yaml", i % 100 + 1, 1, [$"k{i}"], ids, []);
            findings.Add(Samples.Checked(finding, isNew: true, failOn));
        }

        // Five claims tied at the top (error, 300 findings each), named in another order than their ids'.
        for (var i = 0; i < 300; i++)
        {
            var finding = new Finding("e-rule", RuleSeverity.Error, $"tied {i}", "claims/tied.yaml", i + 1, 1, [$"t{i}"], ["t-3", "t-1", "t-4", "t-0", "t-2"], []);
            findings.Add(Samples.Checked(finding, isNew: true, failOn));
        }

        var outcome = new CheckOutcome(Samples.Version, [], findings, [], [], [], 500, 10, failOn, HasBaseline: false, ExitCode: 0);
        var text = Text(outcome, new TextOutputOptions(false, minSeverity));

        var shown = findings.Where(f => f.Finding.Severity >= minSeverity || f.Fails).ToList();
        var groups = shown.GroupBy(f => (f.Finding.Severity, f.Finding.RuleId))
            .OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.RuleId, StringComparer.Ordinal).ToList();
        var expected = new StringBuilder();
        foreach (var group in groups)
        {
            if (expected.Length > 0) expected.Append('\n');
            var claimCount = group.SelectMany(f => f.Finding.ClaimIds).Distinct().Count();
            expected.Append($"{OutputText.SeverityName(group.Key.Severity)} {group.Key.RuleId}: {OutputText.Count(group.Count(), "finding", "findings")}")
                .Append(claimCount == 0 ? "" : $" on {OutputText.Count(claimCount, "claim", "claims")}").Append('\n');
            foreach (var f in group) expected.Append($"  {f.Finding.File}:{f.Finding.Line}:1 {f.Finding.Message}\n");
        }

        Assert.StartsWith(expected.ToString(), text, StringComparison.Ordinal);

        var claims = shown
            .SelectMany(f => f.Finding.ClaimIds.Distinct().Select(id => (Id: id, f.Finding.Severity, f.Finding.RuleId)))
            .GroupBy(c => c.Id)
            .Select(g => (Id: g.Key, Worst: g.Max(c => c.Severity), Count: g.Count(), Rules: g.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(c => c.Worst).ThenByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var listed = claims.Take(TextFormatter.ClaimsListed).ToList();
        var width = listed.Max(c => c.Id.Length);
        var summary = new StringBuilder($"\nClaims flagged: {claims.Count} of 500\n");
        foreach (var c in listed) summary.Append($"  {c.Id.PadRight(width)}  {OutputText.Count(c.Count, "finding", "findings")} ({string.Join(", ", c.Rules)})\n");
        summary.Append($"  and {OutputText.Count(claims.Count - listed.Count, "more claim", "more claims")}\n");
        Assert.Contains(summary.ToString(), text, StringComparison.Ordinal);
        Assert.Equal(["t-0", "t-1", "t-2", "t-3", "t-4"], listed.Take(5).Select(c => c.Id));
    }
}
