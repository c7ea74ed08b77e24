using FactCheck.Rules.Facts;

namespace FactCheck.Rules.Expressions.Reports;

/// <summary>
/// Appearances of one claim (or of <c>same_as</c> claims) that disagree on a circumstance: where, on what occasion and
/// when relative to it, to whom, in what role. Values are compared as sets of words (case, accents, word order and
/// small words aside), and one that only adds detail to another agrees with it ("President" and "Russian President")
/// unless the added words move it ("outside Moscow" is not "Moscow"; "vice chairman" is not "chairman").
/// </summary>
internal static class Circumstances
{
    public static readonly IReadOnlyList<string> Fields = ["place", "occasion", "audience", "speaker_role", "hedge"];

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "at", "on", "to", "with", "and", "by", "for", "from", "s", "his", "her", "its", "their",
    };

    /// <summary>Words that make a more detailed value a different one rather than a more precise one.</summary>
    private static readonly HashSet<string> Shifting = new(StringComparer.Ordinal)
    {
        "outside", "near", "outskirts", "beyond", "not", "before", "after", "ahead", "following", "prior", "later", "earlier",
        "former", "deputy", "vice", "acting", "ex", "assistant", "late",
    };

    public static string? Conflict(IReadOnlyList<AppearanceFact>? appearances, string? field)
    {
        if (appearances is null || appearances.Count < 2 || field is null) return null;
        appearances = Languages.SameAsReference(appearances);
        var values = new List<(string Shown, HashSet<string> Words, List<string> Sources)>();
        foreach (var a in appearances)
        {
            var value = Value(a, field);
            if (value is null) continue;
            var words = Words.Of(value).Folded.Where(w => !Ignored.Contains(w)).ToHashSet(StringComparer.Ordinal);
            var match = values.FindIndex(v => v.Words.SetEquals(words));
            if (match < 0) values.Add((value, words, [Label(a)]));
            else if (!values[match].Sources.Contains(Label(a))) values[match].Sources.Add(Label(a));
        }

        if (values.Count < 2) return null;
        if (field == "occasion") return OccasionConflict(appearances);
        // Linear in the distinct values: each is checked against the first (the primary record's, when listed first).
        var reference = values.FirstOrDefault(v => v.Sources.Any(s => s.EndsWith(" (primary)", StringComparison.Ordinal)));
        if (reference.Words is null) reference = values[0];
        var disagreeing = values
            .Where(v => !ReferenceEquals(v.Words, reference.Words) && !Compatible(v.Words, reference.Words))
            .Where(v => field != "audience" || !SamePerson(v.Shown, reference.Shown))
            .ToList();
        if (disagreeing.Count == 0) return null;
        var claim = appearances[0].ClaimGroup.Length > 0 ? appearances[0].ClaimGroup : appearances[0].ClaimId;
        var name = field switch { "speaker_role" => "the speaker's role", "occasion" => "the occasion", _ => field };
        return $"{name} of claim {claim} differs between sources: " +
            string.Join(" vs ", new[] { reference }.Concat(disagreeing).Select(v => $"{Quoted.Text(v.Shown)} ({Listing.Of(v.Sources)})"));
    }

    private static string Label(AppearanceFact a) => a.SourcePrimary ? a.SourceId + " (primary)" : a.SourceId;

    private static string? Value(AppearanceFact a, string field) => field switch
    {
        "place" => a.Place,
        "audience" => a.Audience,
        "speaker_role" => a.SpeakerRole,
        // The occasion and when relative to it: "before talks with Zhang" is not "at talks with Zhang".
        "occasion" => a.Occasion is null ? null : a.Timing is null ? a.Occasion : $"{a.Timing} {a.Occasion}",
        "hedge" => a.Attribution == "unattributed" && a.Hedge is null ? null : a.Hedge ?? "stated flatly",
        _ => null,
    };

    /// <summary>Capitalised words that are titles or institutions, not names: "General", "President", "Commission".</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "general", "gen", "president", "vice", "minister", "chairman", "chairwoman", "chair", "commission", "central", "military",
        "defence", "defense", "foreign", "prime", "secretary", "state", "deputy", "mr", "mrs", "ms", "dr", "sir", "lord", "king",
        "queen", "prince", "ambassador", "chief", "head", "official", "officials", "delegation", "council", "committee", "ministry",
        "department", "government", "party", "national", "senator", "sen", "rep", "governor", "gov", "mayor", "admiral", "adm",
        "colonel", "col", "commander", "director", "spokesman", "spokeswoman", "spokesperson", "leader", "counterpart",
    };

    /// <summary>
    /// Audiences described differently but naming the same people agree: "China's vice-president of the Central Military
    /// Commission General Zhang Youxia" is "Gen. Zhang Youxia, vice chairman of China's CMC". They share two names, or
    /// all the names of the one that has a single name; titles and institutions do not count as names.
    /// </summary>
    private static bool SamePerson(string a, string b)
    {
        var (x, y) = (Names(a), Names(b));
        if (x.Count == 0 || y.Count == 0) return false;
        var shared = x.Count(n => y.Contains(n));
        return shared >= 2 || (shared == 1 && Math.Min(x.Count, y.Count) == 1);
    }

    private static HashSet<string> Names(string value)
    {
        var words = Words.Of(value);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Printed.Length; i++)
        {
            var printed = words.Printed[i];
            var folded = words.Folded[i];
            if (printed.Length > 0 && char.IsUpper(printed[0]) && folded.Length >= 2 && !Titles.Contains(folded) && !Ignored.Contains(folded)) names.Add(folded);
        }

        return names;
    }

    private static bool Compatible(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        if (!small.All(w => large.Any(l => SameStem(w, l)))) return false;
        return !large.Where(l => !small.Any(w => SameStem(w, l))).Any(Shifting.Contains);
    }

    /// <summary>One word or its derived form: "Russia" and "Russian", "China" and "Chinese", "bloc" and "blocs".</summary>
    private static bool SameStem(string a, string b)
    {
        if (a == b) return true;
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
        // An abbreviation ("Gen." for "General") is the word it shortens.
        if (common >= 3 && (common == a.Length || common == b.Length)) return true;
        return common >= 4 && a.Length - common <= 3 && b.Length - common <= 3;
    }

    /// <summary>
    /// Occasions are worded freely ("receiving General Zhang", "welcomed Gen. Zhang", "reading the judgment"), so two
    /// name the same event when they share a name (a capitalised word after the first), or when one of them names
    /// nobody and they share a word of substance ("the meeting" and "meeting with Xi Jinping"; "statement" and
    /// "statement on the Supreme Court ruling"). Two that both carry names and share none are different events
    /// ("talks with Shoigu", "talks with Zhang"), as are two that share nothing. Among the same event, a different
    /// timing (before/at/after) disagrees.
    /// </summary>
    private static string? OccasionConflict(IReadOnlyList<AppearanceFact> appearances)
    {
        var events = new List<Occasion>();
        foreach (var a in appearances)
        {
            if (a.Occasion is null) continue;
            var words = Words.Of(a.Occasion);
            var names = Enumerable.Range(1, Math.Max(0, words.Count - 1))
                .Where(i => words.Printed[i].Length > 0 && char.IsUpper(words.Printed[i][0]))
                .Select(i => words.Folded[i]).ToHashSet(StringComparer.Ordinal);
            var content = words.Folded.Where(w => !Ignored.Contains(w) && !Words.FunctionWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
            var timing = a.Timing ?? "at or around";
            var index = events.FindIndex(e => e.Matches(names, content));
            if (index < 0)
            {
                index = events.Count;
                events.Add(new Occasion());
            }

            events[index].Add(a.Occasion, names, content, timing, Label(a));
        }

        var claim = appearances[0].ClaimGroup.Length > 0 ? appearances[0].ClaimGroup : appearances[0].ClaimId;
        var parts = new List<string>();
        if (events.Count > 1)
        {
            // Each event as its first wording, with the sources that print that wording.
            parts.Add("different events: " + string.Join(" vs ", events.Select(e =>
                $"{Quoted.Text(e.Wordings[0].Shown)} ({Listing.Of(e.Wordings[0].Sources)})")));
        }

        // "at or around" (no timing recorded) does not contradict a recorded timing.
        foreach (var e in events)
        {
            var recorded = e.Timings.Where(t => t.Timing != "at or around").ToList();
            if (recorded.Count < 2) continue;
            parts.Add($"{string.Join(" vs ", recorded.Select(t => $"{t.Timing} {Quoted.Text(t.Shown)} ({Listing.Of(t.Sources)})"))}");
        }

        return parts.Count == 0 ? null : $"the occasion of claim {claim} differs between sources: {string.Join("; ", parts)}";
    }

    /// <summary>One event as the sources word it: its names and words of substance, its wordings and its timings.</summary>
    private sealed class Occasion
    {
        private readonly List<(HashSet<string> Names, HashSet<string> Content)> members = [];

        public List<(string Shown, HashSet<string> Words, List<string> Sources)> Wordings { get; } = [];

        public List<(string Timing, string Shown, List<string> Sources)> Timings { get; } = [];

        public bool Matches(HashSet<string> otherNames, HashSet<string> otherContent)
        {
            // Names decide when both sides have some, so that "talks with Shoigu" and "talks with Zhang" stay apart
            // even beside "the talks" (which joins the first).
            var eventNamed = members.Any(x => x.Names.Count > 0);
            if (eventNamed && otherNames.Count > 0) return members.Any(x => x.Names.Any(n => otherNames.Any(m => SameStem(n, m))));
            return members.Any(x => x.Content.Any(n => otherContent.Any(m => SameStem(n, m))));
        }

        public void Add(string shown, HashSet<string> occasionNames, HashSet<string> occasionContent, string timing, string source)
        {
            members.Add((occasionNames, occasionContent));
            var w = Wordings.FindIndex(x => x.Words.SetEquals(occasionContent));
            if (w < 0) Wordings.Add((shown, occasionContent, [source]));
            else if (!Wordings[w].Sources.Contains(source)) Wordings[w].Sources.Add(source);
            var t = Timings.FindIndex(x => x.Timing == timing);
            if (t < 0) Timings.Add((timing, shown, [source]));
            else if (!Timings[t].Sources.Contains(source)) Timings[t].Sources.Add(source);
        }
    }
}
