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

    private static readonly Regex QualifierBefore =
        new(@"\b(?<q>" + DateRules.Qualifier + @")\s+$", Options, DateRules.MatchTimeout);

    private static readonly Regex FutureMarker = new(
        @"\b(?:will|shall|won't|going\s+to|set\s+to|scheduled\s+(?:to|for)|expected\s+to|plans?\s+to|planning\s+to|upcoming"
        + @"|later\s+this\s+(?:week|month|year))\b|\w'll\b",
        Options, DateRules.MatchTimeout);

    private static readonly Regex PastMarker = new(
        // Participles after an auxiliary ("will be held") are not past tense.
        @"(?<!\b(?:be|been|being|have|has|is|are|get|gets)\s+)\b(?:said|told|announced|claimed|was|were|had|did|reported|added|stated|wrote|insisted|noted|confirmed|denied"
        + @"|warned|visited|met|published|signed|agreed|accused|took|held|spoke|called|found|began|ended|happened|occurred"
        + @"|invaded|attacked|launched|ago)\b",
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
            1 => Evaluate(scan.Normalized, text!, scan.Matches[0], reference),
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

        return scan.Matches.Select(c => Evaluate(scan.Normalized, text!, c, reference)).ToList();
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

    private sealed record ScanResult(string Normalized, IReadOnlyList<Candidate> Matches);

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
        var scan = ScanUncached(text);
        recent[text] = scan;
        return scan;
    }

    private static ScanResult? ScanUncached(string text)
    {
        var normalized = Normalize(text);
        var found = new List<Candidate>();
        try
        {
            for (var p = 0; p < DateRules.All.Count; p++)
            {
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

        return new ScanResult(normalized, chosen.OrderBy(c => c.Index).ToList());
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

    private static DateResolution Evaluate(string normalized, string original, Candidate c, PartialDate? reference)
    {
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

        string? qualifier = null;
        try
        {
            if (QualifierAtStart.Match(normalized, start, length) is { Success: true } q1)
            {
                qualifier = q1.Groups["q"].Value;
            }
            else if (QualifierBefore.Match(normalized[..start]) is { Success: true } q2)
            {
                qualifier = q2.Groups["q"].Value;
                length += start - q2.Index;
                start = q2.Index;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return Unresolved("the text is too complex to scan in time");
        }

        var matched = original.Substring(start, length);
        var result = new DateResolution
        {
            Status = ResolutionStatus.Unresolved,
            RuleName = c.Rule.Name,
            MatchedText = matched,
            MatchIndex = start,
        };

        qualifier = qualifier is null ? null : Regex.Replace(qualifier.ToLowerInvariant(), @"\s+", " ");
        if (qualifier is not null and not "since")
        {
            return result with { Reason = $"'{matched}' is an open bound ('{qualifier}'), not a date; bounds are not resolved" };
        }

        var since = qualifier == "since";
        var ruleName = since ? c.Rule.Name + "+since" : c.Rule.Name;
        var references = ReferenceDays(reference);
        var directions = Directions(normalized);
        if (directions is null)
        {
            return result with { Reason = "the text is too complex to scan in time" };
        }

        var outcomes = new List<(DateOnly? Day, TenseDirection Direction, RuleOutcome Outcome)>();
        foreach (var day in references)
        {
            foreach (var direction in directions)
            {
                outcomes.Add((day, direction, Apply(c, day, direction, since)));
            }
        }

        var first = outcomes[0].Outcome;
        if (outcomes.Any(o => o.Outcome.Failure == DateRules.NoReference))
        {
            return result with { RuleName = ruleName, Reason = DateRules.NoReference };
        }

        if (outcomes.Any(o => o.Outcome != first))
        {
            var byDay = outcomes.Where(o => o.Direction == outcomes[0].Direction).Select(o => o.Outcome).Distinct().Count() > 1;
            var reason = byDay
                ? $"reference {reference} is only known to the {reference!.Value.Granularity.ToString().ToLowerInvariant()}; too coarse for '{matched}'"
                : $"the sentence mixes past and future tense; cannot tell which '{matched}' is meant";
            return result with { RuleName = ruleName, Reason = reason };
        }

        if (first.Failure is { } failure)
        {
            return result with { RuleName = ruleName, Reason = failure };
        }

        var direction0 = directions.Count == 1 ? directions[0].ToString().ToLowerInvariant() : "either";
        return result with
        {
            Status = ResolutionStatus.Resolved,
            RuleName = ruleName,
            Value = first.Value,
            Interval = first.Interval,
            Approximate = first.Approximate,
            Reason = reference is { } r ? $"read against {r} (tense: {direction0})" : "absolute date",
        };
    }

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

    private static IReadOnlyList<TenseDirection>? Directions(string text)
    {
        try
        {
            var future = FutureMarker.IsMatch(text);
            var past = PastMarker.IsMatch(text);
            return future && past ? [TenseDirection.Past, TenseDirection.Future]
                : future ? [TenseDirection.Future]
                : [TenseDirection.Past];
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static DateResolution Unresolved(string reason) =>
        new() { Status = ResolutionStatus.Unresolved, Reason = reason };
}
