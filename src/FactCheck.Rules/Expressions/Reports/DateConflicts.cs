using FactCheck.Claims.Dates;
using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Date expressions of one claim (and its <c>same_as</c> claims), each already read against its own source's date,
/// that cannot denote the same time. Readings are grouped, and each group is checked against the first: linear in the
/// mentions, one report per claim.
/// </summary>
internal static class DateConflicts
{
    /// <summary>The when-made expressions (made.text as each source prints it) that disagree; null when they agree.</summary>
    public static string? WhenMade(IReadOnlyList<DateMentionFact>? mentions)
    {
        if (mentions is null) return null;
        var readings = new List<(PartialDate Date, List<DateMentionFact> Mentions)>();
        foreach (var m in mentions)
        {
            if (!m.IsWhenMade || Parse(m.Resolved) is not { } date) continue;
            var i = readings.FindIndex(r => r.Date.Equals(date));
            if (i < 0) readings.Add((date, [m]));
            else readings[i].Mentions.Add(m);
        }

        if (readings.Count < 2) return null;
        var reference = readings[0];
        var off = readings.Skip(1).Where(r => !r.Date.IsCompatibleWith(reference.Date)).ToList();
        if (off.Count == 0) return null;
        return $"claim {Claim(mentions)} was made on different days by its sources' reading: " +
            string.Join(" vs ", new[] { reference }.Concat(off).Select(r => $"{r.Date} ({Says(r.Mentions)})"));
    }

    /// <summary>
    /// Dates of the events the claim mentions ("last February", "February 2022") that disagree between sources. Only
    /// sources giving the same number of resolved event dates are compared (a source that dates one more event is not
    /// contradicting), each against the first source's, in order.
    /// </summary>
    public static string? Events(IReadOnlyList<DateMentionFact>? mentions)
    {
        if (mentions is null) return null;
        var bySource = new List<(string Source, List<(PartialDate Date, DateMentionFact Mention)> Dates)>();
        foreach (var m in mentions)
        {
            if (m.IsWhenMade || Parse(m.Resolved) is not { } date) continue;
            var i = bySource.FindIndex(s => s.Source == m.SourceId);
            if (i < 0) bySource.Add((m.SourceId, [(date, m)]));
            else if (!bySource[i].Dates.Any(d => d.Date.Equals(date))) bySource[i].Dates.Add((date, m));
        }

        if (bySource.Count < 2) return null;
        foreach (var s in bySource) s.Dates.Sort((x, y) => x.Date.FirstDay.CompareTo(y.Date.FirstDay));
        var reference = bySource[0];
        var lines = new List<string>();
        foreach (var other in bySource.Skip(1))
        {
            if (other.Dates.Count != reference.Dates.Count) continue;
            for (var k = 0; k < other.Dates.Count; k++)
            {
                var (a, b) = (reference.Dates[k], other.Dates[k]);
                if (a.Date.IsCompatibleWith(b.Date)) continue;
                lines.Add($"{a.Mention.SourceId} says {Quoted.Text(a.Mention.Text)} ({a.Date}, read against {a.Mention.Reference ?? "no date"}) but " +
                    $"{b.Mention.SourceId} says {Quoted.Text(b.Mention.Text)} ({b.Date}, read against {b.Mention.Reference ?? "no date"})");
            }
        }

        return lines.Count == 0 ? null : $"claim {Claim(mentions)} dates the same event differently: {string.Join("; ", lines.Take(Listing.Shown))}" +
            (lines.Count > Listing.Shown ? $"; and {lines.Count - Listing.Shown} more" : string.Empty);
    }

    private static string Claim(IReadOnlyList<DateMentionFact> mentions) =>
        mentions[0].ClaimGroup.Length > 0 ? mentions[0].ClaimGroup : mentions[0].ClaimId;

    private static string Says(List<DateMentionFact> mentions) =>
        Listing.Of(mentions.Select(m => $"{m.SourceId}: {Quoted.Text(m.Text)} read against {m.Reference ?? "no date"}"), 3);

    private static PartialDate? Parse(string? text) =>
        text is not null && PartialDate.TryParse(text, out var date, out _) ? date : null;
}
