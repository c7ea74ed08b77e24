using System.Text;
using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>
/// Finds the date expression in a phrase and reads it against a reference (publication) date, the way a
/// fact-checker would: deterministic rules, no guessing. See the README section "Date resolution".
/// </summary>
public static class DateResolver
{
    /// <summary>Longer input is refused (unresolved) to bound the cost; pass a sentence, not an article.</summary>
    public const int MaxInputLength = 500;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly Regex QualifierAtStart =
        new(@"^(?<q>" + DateRules.Qualifier + @")\b", Options, DateRules.MatchTimeout);

    // The qualifier need not be adjacent: "by end of this month", "no later than midnight on January 1", "until 15:00 GMT Saturday".
    private static readonly Regex QualifierBefore = new(
        @"\b(?<q>" + DateRules.Qualifier + @")\s+(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|bulk)\s+(?:of\s+)?"
        + @"|(?:about|around|approximately|roughly|some\s+time|sometime)\s+"
        + @"|(?:(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|hrs|hours)?|midnight|noon|midday|close\s+of\s+business|the\s+close\s+of\s+trading|dawn|dusk)"
        + @"(?:\s*(?:\(?(?:GMT|UTC|[ECMP][SD]?T|CET|CEST|BST|IST|JST|local\s+time)\)?))?\s*(?:,\s*|on\s+|\s))"
        + @"|(?:early|mid|late)[\s-]+)*$", Options | RegexOptions.RightToLeft, DateRules.MatchTimeout);

    private static readonly Regex TimeOfDay = new(@"\G\s+(?:\d|midnight|noon|midday|dawn|dusk|daybreak|nightfall|sunrise|sunset)", Options, DateRules.MatchTimeout);

    // A year the form's pattern did not read ("April of 87", "June nineteen seventy-two").
    private static readonly Regex UnreadYear = new(
        @"\G\s*,?\s*(?:'\d{2}(?!\d)|of\s+'?\d{2}(?!\d|[.,]\d|\s*%|:)|(?:seventeen|eighteen|nineteen|twenty|two\s+thousand)\b(?!\s+(?:people|percent|of|years?|months?|days?|\w+s\b))|[12]\d{3}(?![\d%]))",
        Options, DateRules.MatchTimeout);

    /// <summary>
    /// Resolves the single date expression in <paramref name="text"/>. Unresolved when there is none, when
    /// there are several (use <see cref="ResolveAll"/>), when it is relative and no usable reference is given,
    /// or when the form is known but deliberately not resolved (seasons, bounds like "before June").
    /// Never throws.
    /// </summary>
    public static DateResolution Resolve(string? text, PartialDate? reference)
    {
        if (Validate(text) is { } invalid)
        {
            return invalid;
        }

        if (Scan(text!) is not { } scan)
        {
            return Unresolved("the text is too complex to scan in time");
        }

        return scan.Matches.Count switch
        {
            0 => Unresolved("no date expression recognised"),
            1 => Evaluate(scan, text!, scan.Matches[0], reference),
            _ => Unresolved("ambiguous: several date expressions ("
                + string.Join(", ", scan.Matches.Select(c => $"'{text!.Substring(c.Index, c.Length)}'"))
                + "); resolve them one by one with ResolveAll"),
        };
    }

    /// <summary>
    /// Every date expression in <paramref name="text"/>, in order of appearance, each resolved on its own.
    /// Empty when there is none; a single unresolved entry (without a match) when the input itself is refused.
    /// </summary>
    public static IReadOnlyList<DateResolution> ResolveAll(string? text, PartialDate? reference)
    {
        if (Validate(text) is { } invalid)
        {
            return [invalid];
        }

        if (Scan(text!) is not { } scan)
        {
            return [Unresolved("the text is too complex to scan in time")];
        }

        return scan.Matches.Select(c => Evaluate(scan, text!, c, reference)).ToList();
    }

    private static DateResolution? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unresolved("empty text");
        }

        return text.Length > MaxInputLength
            ? Unresolved($"text is longer than {MaxInputLength} characters; pass the sentence that holds the date")
            : null;
    }

    private sealed record Candidate(DateRule Rule, Match Match, int Priority)
    {
        public int Index => Match.Index;

        public int Length => Match.Length;
    }

    private sealed record ScanResult(
        string Normalized,
        IReadOnlyList<Candidate> Matches,
        IReadOnlyList<TenseReader.Marker> Markers,
        IReadOnlyList<(int Index, int End)> Boundaries)
    {
        public IReadOnlyList<(int Index, int End)> Spans { get; } = Matches.Select(c => (c.Index, c.Index + c.Length)).ToList();
    }

    /// <summary>
    /// Scans do not depend on the reference date, and news text repeats the same few expressions
    /// ("on Tuesday") against many dates: each thread keeps its recent scans. Per thread, because a
    /// <see cref="Match"/> builds its groups lazily and is not safe to share.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, ScanResult?>? _recentScans;

    private const int RecentScansKept = 4096;

    private static ScanResult? Scan(string text)
    {
        var recent = _recentScans ??= new Dictionary<string, ScanResult?>(StringComparer.Ordinal);
        if (recent.TryGetValue(text, out var known)) return known;
        if (recent.Count >= RecentScansKept) recent.Clear();
        // The first scan in a process also compiles the patterns' generated code, which on a loaded machine can
        // outlast the match timeout: one retry runs on compiled code. Real pathological input times out twice.
        var scan = ScanUncached(text) ?? ScanUncached(text);
        if (scan is not null)
        {
            recent[text] = scan;   // a scan that ran out of time is not kept: a later call may finish
        }

        return scan;
    }

    private static ScanResult? ScanUncached(string text)
    {
        var normalized = Normalize(text);
        var found = new List<Candidate>();
        IReadOnlyList<TenseReader.Marker> markers;
        IReadOnlyList<(int Index, int End)> boundaries;
        try
        {
            (markers, boundaries) = TenseReader.Scan(normalized);
            var lower = normalized.ToLowerInvariant();
            for (var p = 0; p < DateRules.All.Count; p++)
            {
                if (!DateRules.MayMatch(DateRules.All[p], lower))
                {
                    continue;
                }

                foreach (Match m in DateRules.All[p].Pattern.Matches(normalized))
                {
                    if (m.Length > 0 && !string.IsNullOrWhiteSpace(m.Value))
                    {
                        found.Add(new Candidate(DateRules.All[p], m, p));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        // Longest match wins; ties go to the earlier rule. Overlapped shorter matches are parts of a longer one.
        var chosen = new List<Candidate>();
        foreach (var c in found.OrderByDescending(c => c.Match.Value.Trim().Length).ThenBy(c => c.Priority).ThenBy(c => c.Index))
        {
            if (!chosen.Any(o => c.Index < o.Index + o.Length && o.Index < c.Index + c.Length))
            {
                chosen.Add(c);
            }
        }

        return new ScanResult(normalized, chosen.OrderBy(c => c.Index).ToList(), markers, boundaries);
    }

    /// <summary>Same length as the input (so match indexes map back): curly quotes, dashes and odd spaces made plain.</summary>
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2009' or '\u202F' or '\u2007' => ' ',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    private static DateResolution Evaluate(ScanResult scan, string original, Candidate c, PartialDate? reference)
    {
        var normalized = scan.Normalized;
        var start = c.Index;
        var length = c.Length;

        // Trim leading whitespace a rule may have consumed (e.g. the whole-text alternative "^\s*").
        while (length > 0 && char.IsWhiteSpace(normalized[start]))
        {
            start++;
            length--;
        }

        while (length > 0 && char.IsWhiteSpace(normalized[start + length - 1]))
        {
            length--;
        }

        var traits = c.Rule.Traits;
        var end = start + length;
        string? qualifier = null;
        var qualifierStart = start;
        try
        {
            if ((traits & (RuleTraits.Range | RuleTraits.Declines)) == 0)
            {
                if (QualifierAtStart.Match(normalized, start, length) is { Success: true } q1)
                {
                    qualifier = q1.Groups["q"].Value;
                }
                else if (QualifierBefore.Match(normalized, 0, start) is { Success: true } q2)
                {
                    qualifier = q2.Groups["q"].Value;
                    qualifierStart = q2.Index;
                    // "after dawn on Saturday", "after 3 p.m. Friday": the event falls on that day.
                    if (qualifier.Equals("after", StringComparison.OrdinalIgnoreCase) && TimeOfDay.IsMatch(normalized, q2.Index + qualifier.Length))
                    {
                        qualifier = null;
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return Unresolved("the text is too complex to scan in time");
        }

        qualifier = qualifier is null ? null : Regex.Replace(qualifier.ToLowerInvariant(), @"\s+", " ");

        // "after Tuesday's vote": the qualifier bounds the vote, and Tuesday is still Tuesday; but "ahead of Sunday's
        // vote" in a past clause may be the Sunday before or after the reference.
        var possessive = end + 1 < normalized.Length && normalized[end] == '\'' && normalized[end + 1] is 's' or 'S';
        var openBeforeEvent = possessive && qualifier is not null and not ("after" or "since");
        if (possessive || (qualifier == "from" && c.Rule.Name is "decade" or "century"))
        {
            qualifier = null;   // "music from the 1980s" is of the 1980s
        }

        if (qualifier is not null && qualifierStart < start)
        {
            length += start - qualifierStart;
            start = qualifierStart;
        }

        var matched = original.Substring(start, length);
        var result = new DateResolution
        {
            Status = ResolutionStatus.Unresolved,
            RuleName = c.Rule.Name,
            MatchedText = matched,
            MatchIndex = start,
        };

        if (qualifier is not null and not "since")
        {
            return result with { Reason = $"'{matched}' is an open bound ('{qualifier}'), not a date; bounds are not resolved" };
        }

        var groups = c.Match.Groups;
        try
        {
            if ((traits & RuleTraits.GuardsYear) != 0 && !groups["year"].Success && !groups["yy"].Success && !groups["sy"].Success
                && UnreadYear.Match(normalized, end, normalized.Length - end) is { Success: true } unread)
            {
                return result with { Reason = $"'{matched}' is followed by a year the resolver does not read ('{unread.Value.Trim().TrimStart(',').Trim()}')" };
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return Unresolved("the text is too complex to scan in time");
        }

        var since = qualifier == "since";
        var ruleName = since ? c.Rule.Name + "+since" : c.Rule.Name;
        var references = ReferenceDays(reference);
        var reading = since ? TenseReading.Past : TenseReader.Read(scan.Markers, scan.Boundaries, c.Index, c.Index + c.Length, scan.Spans);
        if (openBeforeEvent && reading != TenseReading.Future)
        {
            reading = TenseReading.Both;
        }

        TenseDirection[] directions = reading switch
        {
            TenseReading.Past => [TenseDirection.Past],
            TenseReading.Future => [TenseDirection.Future],
            TenseReading.Both => [TenseDirection.Past, TenseDirection.Future],
            _ when (traits & RuleTraits.NearestWithoutTense) != 0 => [TenseDirection.Past, TenseDirection.Future],
            _ => [TenseDirection.Past],
        };

        var outcomes = new RuleOutcome[directions.Length][];
        for (var d = 0; d < directions.Length; d++)
        {
            outcomes[d] = new RuleOutcome[references.Count];
            for (var k = 0; k < references.Count; k++)
            {
                var outcome = Apply(c, references[k], directions[d], since);
                if (outcome.Failure == DateRules.NoReference)
                {
                    return result with { RuleName = ruleName, Reason = DateRules.NoReference };
                }

                outcomes[d][k] = outcome;
            }

            if (outcomes[d].Any(o => o != outcomes[d][0]))
            {
                return result with
                {
                    RuleName = ruleName,
                    Reason = $"reference {reference} is only known to the {reference!.Value.Granularity.ToString().ToLowerInvariant()}; too coarse for '{matched}'",
                };
            }
        }

        var chosen = 0;
        if (directions.Length == 2 && outcomes[0][0] != outcomes[1][0])
        {
            // Without any tense, a year-less date within half a year before the reference is read as past, else one within
            // half a year after it as future (news style omits the year for dates near the publication); any other is declined.
            var recentPast = reading == TenseReading.None && outcomes[0][0].Failure is null
                && references.All(day => day is { } r && (outcomes[0][0].Interval ?? outcomes[0][0].Value!.Value.Span).End.DayNumber >= r.DayNumber - NearDays);
            var nearFuture = !recentPast && reading == TenseReading.None && outcomes[1][0].Failure is null
                && references.All(day => day is { } r && (outcomes[1][0].Interval ?? outcomes[1][0].Value!.Value.Span).Start.DayNumber <= r.DayNumber + NearDays);
            chosen = nearFuture ? 1 : 0;
            if (!recentPast && !nearFuture)
            {
                var reason = reading == TenseReading.Both
                    ? $"the clause does not tell whether '{matched}' is past or future"
                    : $"no tense in the sentence tells whether the past or the coming '{matched}' is meant";
                return result with { RuleName = ruleName, Reason = reason + $" ({Describe(outcomes[0][0])} or {Describe(outcomes[1][0])})" };
            }
        }

        var first = outcomes[chosen][0];
        if (first.Failure is { } failure)
        {
            return result with { RuleName = ruleName, Reason = failure };
        }

        var tense = reading switch
        {
            TenseReading.Past => "past",
            TenseReading.Future => "future",
            TenseReading.Both => "either",
            _ when directions.Length == 1 => "none; past by default",
            _ when outcomes[0][0] == outcomes[1][0] => "none",
            _ => chosen == 0 ? "none; the recent past" : "none; the near future",
        };
        return result with
        {
            Status = ResolutionStatus.Resolved,
            RuleName = ruleName,
            Value = first.Value,
            Interval = first.Interval,
            Approximate = first.Approximate,
            Reason = reference is { } ref0 ? $"read against {ref0} (tense: {tense})" : "absolute date",
        };
    }

    /// <summary>How far from the reference an untensed year-less date may lie and still be read ("Oct. 30" or "Dec. 25" in November).</summary>
    private const int NearDays = 183;

    private static string Describe(RuleOutcome o) => o.Failure is not null ? "unresolvable" : ((object?)o.Value ?? o.Interval)!.ToString()!;

    private static RuleOutcome Apply(Candidate c, DateOnly? day, TenseDirection direction, bool since)
    {
        RuleOutcome outcome;
        try
        {
            outcome = c.Rule.Resolve(c.Match, day, direction);
        }
        catch (ArgumentException)
        {
            // Date arithmetic past year 1 or 9999 (e.g. "next year" in 9999).
            return RuleOutcome.Fail("the date falls outside the supported calendar range (years 1-9999)");
        }

        if (!since || outcome.Failure is not null)
        {
            return outcome;
        }

        if (day is not { } r)
        {
            return RuleOutcome.Fail(DateRules.NoReference);
        }

        var from = (outcome.Interval ?? outcome.Value!.Value.Span).Start;
        return from <= r
            ? RuleOutcome.Span(from, r, outcome.Approximate)
            : RuleOutcome.Fail($"'since' a date after the reference {r:yyyy-MM-dd}");
    }

    private static IReadOnlyList<DateOnly?> ReferenceDays(PartialDate? reference) => reference switch
    {
        null => [null],
        { Granularity: DateGranularity.Day or DateGranularity.DateTime } r => [r.FirstDay],
        { } r => [r.FirstDay, r.LastDay],
    };

    private static DateResolution Unresolved(string reason) =>
        new() { Status = ResolutionStatus.Unresolved, Reason = reason };
}
