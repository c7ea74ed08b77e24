using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FactCheck.Claims.Diagnostics;
using FactCheck.Rules.Language;
using FactCheck.Rules.Running;

namespace FactCheck.Cli.Output;

/// <summary>
/// The human format. Input errors first; then the findings grouped by rule, errors before warnings before
/// info, each group headed by its severity, rule id, counts and title, one <c>file:line:col message</c> line
/// per finding; then rule errors; then a summary per rule and per claim flagged, the totals, and how many
/// findings <see cref="TextOutputOptions.MinSeverity"/> hid. <see cref="TextOutputOptions.Quiet"/> prints
/// one self-contained <c>file:line:col severity rule-id message</c> line per finding and nothing else;
/// <see cref="TextOutputOptions.Statistics"/> prints the per-rule counts instead of the findings.
/// Everything taken from the input is escaped (<see cref="TerminalText"/>).
/// </summary>
internal sealed class TextFormatter(TextOutputOptions options) : IOutputFormatter
{
    /// <summary>Claims listed in the "claims flagged" summary; the rest are counted.</summary>
    public const int ClaimsListed = 10;

    private const int FlushAt = 64 * 1024;

    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";

    public void Write(CheckOutcome outcome, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);

        // Built with '\n' (TextWriter.WriteLine would use the platform newline) and passed on in pieces of 64 K
        // characters: 184,679 findings are 31 MB of text, which built whole doubled the memory the run touched.
        var text = new StringBuilder();
        foreach (var error in outcome.InputErrors)
        {
            text.Append(FormatInputError(error)).Append('\n');
        }

        var view = DisplayView.Of(outcome, options.MinSeverity);
        if (options.Quiet) WriteQuiet(outcome, view, text, writer);
        else if (options.Statistics) WriteStatistics(outcome, view, text);
        else WriteGroups(outcome, view, text, writer);

        if (!options.Quiet)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(Paint(Bold, OutputText.Summary(outcome))).Append('\n');
            if (view.HiddenCount > 0) text.Append(Paint(Dim, HiddenLine(view))).Append('\n');
        }

        writer.Write(text);
    }

    /// <summary>"35 info findings not shown (attribution.single-origin 28, ...); --min-severity info lists them".</summary>
    public static string HiddenLine(DisplayView view)
    {
        var byRule = view.Hidden
            .GroupBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Escape(g.Key)} {g.Count()}"))
            .ToList();
        var kinds = view.Hidden.Select(f => f.Finding.Severity).Distinct().OrderDescending().Select(OutputText.SeverityName);
        var lowest = view.Hidden.Min(f => f.Finding.Severity);
        var shown = byRule.Count <= 5 ? string.Join(", ", byRule) : string.Join(", ", byRule.Take(5)) + ", ...";
        return $"{OutputText.Count(view.HiddenCount, "finding", "findings")} ({string.Join(" and ", kinds)}) not shown: {shown}; "
            + $"--min-severity {OutputText.SeverityName(lowest)} lists them";
    }

    private void WriteQuiet(CheckOutcome outcome, DisplayView view, StringBuilder text, TextWriter writer)
    {
        foreach (var finding in view.Shown)
        {
            var f = finding.Finding;
            AppendPosition(text, f.File, f.Line, f.Column).Append(' ')
                .Append(Paint(SeverityColor(f.Severity), OutputText.SeverityName(f.Severity))).Append(' ')
                .Append(TerminalText.Escape(f.RuleId)).Append(' ')
                .Append(TerminalText.Escape(f.Message));
            AppendNewMark(text, finding, outcome.HasBaseline);
            text.Append('\n');
            FlushIfLarge(text, writer);
        }

        foreach (var error in outcome.RuleErrors) text.Append(FormatRuleError(error)).Append('\n');
    }

    private void WriteGroups(CheckOutcome outcome, DisplayView view, StringBuilder text, TextWriter writer)
    {
        var titles = RuleTitles(outcome);
        var claimIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in view.ByRule())
        {
            if (text.Length > 0) text.Append('\n');
            var first = group[0].Finding;
            text.Append(Paint(SeverityColor(first.Severity), OutputText.SeverityName(first.Severity))).Append(' ')
                .Append(Paint(Bold, TerminalText.Escape(first.RuleId))).Append(": ")
                .Append(Counts(group, claimIds));
            if (titles.TryGetValue(first.RuleId, out var title) && !string.IsNullOrWhiteSpace(title))
            {
                text.Append(" - ").Append(TerminalText.Escape(title));
            }

            text.Append('\n');
            foreach (var finding in group)
            {
                var f = finding.Finding;
                AppendPosition(text.Append("  "), f.File, f.Line, f.Column).Append(' ').Append(TerminalText.Escape(f.Message));
                AppendNewMark(text, finding, outcome.HasBaseline);
                text.Append('\n');
                FlushIfLarge(text, writer);
            }
        }

        if (outcome.RuleErrors.Count > 0 && text.Length > 0) text.Append('\n');
        foreach (var error in outcome.RuleErrors) text.Append(FormatRuleError(error)).Append('\n');

        if (view.Shown.Count == 0) return;
        text.Append('\n');
        AppendRuleTable(text, view, titles, heading: "By rule:");
        AppendClaims(text, outcome, view);
    }

    private void WriteStatistics(CheckOutcome outcome, DisplayView view, StringBuilder text)
    {
        if (view.Shown.Count > 0) AppendRuleTable(text, view, RuleTitles(outcome), heading: null);
        if (outcome.RuleErrors.Count > 0 && text.Length > 0) text.Append('\n');
        foreach (var error in outcome.RuleErrors) text.Append(FormatRuleError(error)).Append('\n');
    }

    /// <summary>One aligned line per rule: severity, count, id, title; most severe first, then most frequent.</summary>
    private void AppendRuleTable(StringBuilder text, DisplayView view, Dictionary<string, string> titles, string? heading)
    {
        var groups = view.ByRule().OrderByDescending(g => g[0].Finding.Severity).ThenByDescending(g => g.Count)
            .ThenBy(g => g[0].Finding.RuleId, StringComparer.Ordinal).ToList();
        var countWidth = groups.Max(g => g.Count).ToString(CultureInfo.InvariantCulture).Length;
        var idWidth = groups.Max(g => TerminalText.Escape(g[0].Finding.RuleId).Length);
        var indent = heading is null ? string.Empty : "  ";
        if (heading is not null) text.Append(Paint(Bold, heading)).Append('\n');
        foreach (var group in groups)
        {
            var f = group[0].Finding;
            var severity = OutputText.SeverityName(f.Severity);
            var id = TerminalText.Escape(f.RuleId);
            text.Append(indent).Append(Paint(SeverityColor(f.Severity), severity)).Append(' ', 9 - severity.Length)
                .Append(group.Count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)).Append("  ");
            var title = titles.GetValueOrDefault(f.RuleId);
            if (string.IsNullOrWhiteSpace(title)) text.Append(id);
            else text.Append(id.PadRight(idWidth)).Append("  ").Append(TerminalText.Escape(title));
            text.Append('\n');
        }
    }

    /// <summary>The claims the shown findings concern, most severe and most flagged first.</summary>
    private void AppendClaims(StringBuilder text, CheckOutcome outcome, DisplayView view)
    {
        // One entry per claim flagged (89,000 at 100,000 claims), a struct in the table, and the ten listed kept in a
        // bounded list; their rules are gathered for them only. An object and a list of rules per claim, all sorted, with
        // DisplayView's sort and a set per group, made this output allocate 51 MB at 100,000 claims; 12 MB now.
        var mentions = 0;
        foreach (var finding in view.Shown) mentions += finding.Finding.ClaimIds.Count;
        // Sized once: never more than the claims checked, nor than the claim ids the findings name.
        var claims = new Dictionary<string, (RuleSeverity Worst, int Count)>(Math.Min(mentions, outcome.ClaimCount), StringComparer.Ordinal);
        foreach (var finding in view.Shown)
        {
            var f = finding.Finding;
            for (var i = 0; i < f.ClaimIds.Count; i++)
            {
                var id = f.ClaimIds[i];
                if (IndexOf(f.ClaimIds, id, i) < i) continue; // counted once per finding
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(claims, id, out var found);
                entry = found ? (f.Severity > entry.Worst ? f.Severity : entry.Worst, entry.Count + 1) : (f.Severity, 1);
            }
        }

        if (claims.Count == 0) return;
        text.Append('\n').Append(Paint(Bold, string.Create(CultureInfo.InvariantCulture, $"Claims flagged: {claims.Count} of {outcome.ClaimCount}"))).Append('\n');
        var top = new List<(string Id, RuleSeverity Worst, int Count)>(ClaimsListed + 1);
        foreach (var (id, (worst, count)) in claims)
        {
            if (top.Count == ClaimsListed && !Before((id, worst, count), top[^1])) continue;
            var at = top.Count;
            while (at > 0 && Before((id, worst, count), top[at - 1])) at--;
            top.Insert(at, (id, worst, count));
            if (top.Count > ClaimsListed) top.RemoveAt(ClaimsListed);
        }

        var rules = top.ToDictionary(c => c.Id, _ => new List<string>(2), StringComparer.Ordinal);
        foreach (var finding in view.Shown)
        {
            foreach (var id in finding.Finding.ClaimIds)
            {
                if (rules.TryGetValue(id, out var listed) && !listed.Contains(finding.Finding.RuleId, StringComparer.Ordinal)) listed.Add(finding.Finding.RuleId);
            }
        }

        var width = top.Max(c => TerminalText.Escape(c.Id).Length);
        foreach (var (id, worst, count) in top)
        {
            var ruleIds = rules[id];
            ruleIds.Sort(StringComparer.Ordinal);
            text.Append("  ").Append(TerminalText.Escape(id).PadRight(width)).Append("  ")
                .Append(Paint(SeverityColor(worst), OutputText.Count(count, "finding", "findings")))
                .Append(" (").Append(TerminalText.Escape(string.Join(", ", ruleIds))).Append(")\n");
        }

        if (claims.Count > top.Count)
        {
            text.Append("  and ").Append(OutputText.Count(claims.Count - top.Count, "more claim", "more claims")).Append('\n');
        }
    }

    /// <summary>The order of the claims listed: most severe, then most flagged, then by id.</summary>
    private static bool Before((string Id, RuleSeverity Worst, int Count) a, (string Id, RuleSeverity Worst, int Count) b) =>
        a.Worst != b.Worst ? a.Worst > b.Worst
        : a.Count != b.Count ? a.Count > b.Count
        : string.CompareOrdinal(a.Id, b.Id) < 0;

    private static int IndexOf(IReadOnlyList<string> ids, string id, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal)) return i;
        }

        return before;
    }

    /// <param name="claimIds">One set for every group, cleared here (it keeps its room): tens of thousands of claim ids a group.</param>
    private static string Counts(List<CheckedFinding> group, HashSet<string> claimIds)
    {
        claimIds.Clear();
        foreach (var finding in group)
        {
            foreach (var id in finding.Finding.ClaimIds) claimIds.Add(id);
        }

        var claims = claimIds.Count;
        var findings = OutputText.Count(group.Count, "finding", "findings");
        return claims == 0 ? findings : $"{findings} on {OutputText.Count(claims, "claim", "claims")}";
    }

    private static Dictionary<string, string> RuleTitles(CheckOutcome outcome)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in outcome.Rules) titles.TryAdd(rule.Id, rule.Title);
        return titles;
    }

    private void AppendNewMark(StringBuilder text, CheckedFinding finding, bool hasBaseline)
    {
        // With a baseline only new findings can fail the run, so they are the ones worth marking.
        if (hasBaseline && finding.IsNew) text.Append(' ').Append(Paint(Bold, "[new]"));
    }

    private static void FlushIfLarge(StringBuilder text, TextWriter writer)
    {
        if (text.Length < FlushAt) return;
        writer.Write(text);
        text.Clear();
    }

    private static string Position(string? file, int line, int column) => OutputText.Position(TerminalText.Escape(file), line, column);

    /// <summary><see cref="Position"/> appended in place: one line per finding, without a string each.</summary>
    private static StringBuilder AppendPosition(StringBuilder text, string? file, int line, int column)
    {
        text.Append(string.IsNullOrEmpty(file) ? "<unknown file>" : TerminalText.Escape(file));
        if (line <= 0) return text;
        text.Append(CultureInfo.InvariantCulture, $":{line}");
        return column <= 0 ? text : text.Append(CultureInfo.InvariantCulture, $":{column}");
    }

    private string FormatInputError(Diagnostic diagnostic)
    {
        var location = TerminalText.Escape(diagnostic.Location.ToString());
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? Paint(Red, "error") : Paint(Yellow, "warning");
        var message = TerminalText.Escape(diagnostic.Message);
        return diagnostic.Help is null
            ? $"{location}: {severity}: {message}"
            : $"{location}: {severity}: {message} ({TerminalText.Escape(diagnostic.Help)})";
    }

    private string FormatRuleError(RuleError error)
    {
        var text = $"{Paint(Red, "rule error")}: {TerminalText.Escape(error.RuleId)} ({Position(error.RuleFile, error.RuleLine, error.RuleColumn)}): {TerminalText.Escape(error.Message)}";
        return error.FactFile is null
            ? text
            : $"{text} {Paint(Dim, $"[at {Position(error.FactFile, error.FactLine, error.FactColumn)}]")}";
    }

    private static string SeverityColor(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => Red,
        RuleSeverity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string color, string text) => options.Color ? color + text + Reset : text;
}
