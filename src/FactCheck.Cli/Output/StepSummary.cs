using System.Globalization;
using System.Text;
using FactCheck.Rules.Language;

namespace FactCheck.Cli.Output;

/// <summary>
/// The Markdown a CI job shows on its summary page (<c>$GITHUB_STEP_SUMMARY</c>): the verdict, counts by severity
/// (all and new), new findings by rule, and the new findings themselves, so nothing the annotation limit drops is lost.
/// </summary>
internal static class StepSummary
{
    /// <summary>GitHub refuses step summaries over 1 MiB; the list of findings stops well before that.</summary>
    private const int MaxListed = 300;

    public static string Write(CheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var md = new StringBuilder();
        var fails = outcome.Findings.Count(f => f.Fails);
        var verdict = outcome.ExitCode switch
        {
            ExitCodes.Success when outcome.Findings.Count == 0 => "no findings",
            ExitCodes.Success when outcome.FailOn is null => "findings never fail the run (`--fail-on never`)",
            ExitCodes.Success => outcome.HasBaseline
                ? $"no new finding at or above `{OutputText.FailOnName(outcome.FailOn)}`"
                : $"no finding at or above `{OutputText.FailOnName(outcome.FailOn)}`",
            ExitCodes.Findings => $"{OutputText.Count(fails, "finding fails", "findings fail")} the run (`--fail-on {OutputText.FailOnName(outcome.FailOn)}`)",
            ExitCodes.InvalidInput when outcome.InputErrors.Count > 0 => $"{OutputText.Count(outcome.InputErrors.Count, "input error", "input errors")}: no rule ran",
            ExitCodes.InvalidInput => $"{OutputText.Count(outcome.RuleErrors.Count, "rule error", "rule errors")}",
            _ => "internal error",
        };
        md.Append("### FactCheck: ").Append(outcome.ExitCode == ExitCodes.Success ? "passed" : "failed").Append(" — ").Append(verdict).Append("\n\n");

        if (outcome.InputErrors.Count > 0)
        {
            foreach (var error in outcome.InputErrors.Take(MaxListed)) md.Append("- `").Append(Code(error.ToString())).Append("`\n");
            if (outcome.InputErrors.Count > MaxListed) md.Append("- … and ").Append(outcome.InputErrors.Count - MaxListed).Append(" more\n");
            return md.ToString();
        }

        md.Append("| | error | warning | info | total |\n|---|--:|--:|--:|--:|\n");
        Row(md, "findings", outcome.Findings);
        if (outcome.HasBaseline) Row(md, "new since the baseline", outcome.Findings.Where(f => f.IsNew).ToList());
        md.Append('\n');
        md.Append(Invariant($"{outcome.ClaimCount} claims, {outcome.SourceCount} sources, {outcome.Rules.Count} rules; {outcome.Suppressed.Count} suppressed; {outcome.RuleErrors.Count} rule errors.\n\n"));

        var fresh = outcome.Findings.Where(f => f.IsNew).ToList();
        if (fresh.Count == 0) return md.ToString();

        md.Append(outcome.HasBaseline ? "#### New findings by rule\n\n" : "#### Findings by rule\n\n");
        md.Append("| rule | severity | findings | failing |\n|---|---|--:|--:|\n");
        foreach (var group in fresh.GroupBy(f => f.Finding.RuleId, StringComparer.Ordinal)
                     .OrderByDescending(g => g.Max(f => f.Finding.Severity)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            md.Append("| `").Append(Cell(group.Key)).Append("` | ").Append(OutputText.SeverityName(group.Max(f => f.Finding.Severity)))
                .Append(" | ").Append(group.Count()).Append(" | ").Append(group.Count(f => f.Fails)).Append(" |\n");
        }

        md.Append("\n<details><summary>").Append(outcome.HasBaseline ? "New findings" : "Findings").Append(Invariant($" ({fresh.Count})</summary>\n\n"));
        foreach (var checkedFinding in fresh.OrderByDescending(f => f.Finding.Severity).Take(MaxListed))
        {
            var f = checkedFinding.Finding;
            md.Append("- **").Append(OutputText.SeverityName(f.Severity)).Append("** `").Append(Code(OutputText.Position(f.File, f.Line, f.Column)))
                .Append("` `").Append(Code(f.RuleId)).Append("` ").Append(Text(f.Message)).Append('\n');
        }

        if (fresh.Count > MaxListed) md.Append(Invariant($"- … and {fresh.Count - MaxListed} more (see the SARIF upload or the report)\n"));
        md.Append("\n</details>\n");
        return md.ToString();
    }

    private static void Row(StringBuilder md, string label, IReadOnlyCollection<CheckedFinding> findings) =>
        md.Append("| ").Append(label).Append(" | ")
            .Append(findings.Count(f => f.Finding.Severity == RuleSeverity.Error)).Append(" | ")
            .Append(findings.Count(f => f.Finding.Severity == RuleSeverity.Warning)).Append(" | ")
            .Append(findings.Count(f => f.Finding.Severity == RuleSeverity.Info)).Append(" | ")
            .Append(findings.Count).Append(" |\n");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Inside backticks only a backtick can break out; a table cell also ends at <c>|</c>.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) => Code(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Message text: no HTML, no accidental Markdown structure.</summary>
    private static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n') sb.Append(' ');
            else if (c == '<') sb.Append("&lt;");
            else if (c == '>') sb.Append("&gt;");
            else if (c == '&') sb.Append("&amp;");
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#') sb.Append('\\').Append(c);
            else sb.Append(c);
        }

        return sb.ToString();
    }
}
