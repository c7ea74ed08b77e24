using System.Text.RegularExpressions;

namespace FactCheck.Claims.Dates;

/// <summary>What the words around a date expression say about its direction from the reference.</summary>
internal enum TenseReading
{
    /// <summary>Nothing in the sentence marks a tense.</summary>
    None,
    Past,
    Future,
    /// <summary>The governing words allow both ("would", "was expected to"), or the sentence mixes them.</summary>
    Both,
}

/// <summary>
/// Reads tense from the clause that holds a date expression, not from the whole sentence: in "Police said Tuesday
/// the suspect will appear in court" the "will" belongs to another clause. The governing marker is the last one
/// before the expression in its clause, else the first one after it; a clause without one takes the nearest
/// marker of the sentence (first after, then last before).
/// </summary>
internal static partial class TenseReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const int TimeoutMilliseconds = 2000;

    /// <summary>A tense marker found in a sentence.</summary>
    internal readonly record struct Marker(int Index, int Length, TenseReading Kind)
    {
        public int End => Index + Length;
    }

    // Group b: both readings possible; f: future (modals, schedule and deadline vocabulary, present-tense
    // announcements of coming events); p: past (irregular past forms, -ed forms not after a form of "be").
    // Alternatives are tried left to right, so "was expected to" is b before "was" is p.
    // Participles after an auxiliary ("will be held", "is expected", "to hit") are not past tense.
    private const string NotAfterAuxiliary =
        @"(?<!\b(?:be|been|being|is|are|am|was|were|'s|'re|get|gets|getting|got|to|will|would|could|can|may|might|should|must|shall|won't|does|do|not)\s+(?:(?:also|not|now|still|being|then|soon|likely|probably)\s+)?)";

    [GeneratedRegex(
        @"(?<b>\b(?:was|were|had\s+been)\s+(?:(?:originally|initially|previously|also)\s+)?(?:due|scheduled|set|expected|slated|supposed|planned|meant|to)\b"
        + @"|\b(?:would|could|might|should|may)\b(?!\s+have\b))"
        + @"|(?<p>\b(?:would|could|might|should|may|will)\s+have\b)"
        + @"|(?<f>\b(?:will|shall|won't|wo\s+n't|going\s+to|gonna|payable|effective|expires?|expiring|scheduled|slated|upcoming|expected"
        + @"|due(?!\s+to\s+(?:the|a|an|its|his|her|their|our|this|that|these|those|lack|concerns?|fears?|problems?|weather|poor|low|high|heavy|strong|weak|rising|falling)\b)"
        + @"|(?<!\bthe\s+)(?:starting|beginning)"
        + @"|forthcoming|pending|deadline|plans?\s+to|planning\s+to|planned|aims?\s+to|intends?\s+to|hopes?\s+to|seeks?\s+to|expects?|expected\s+to|set\s+to|set\s+for"
        + @"|(?:is|are|'s|'re)\s+(?:(?:also|now|still)\s+)?to\b|begins|kicks\s+off|gets\s+under\s?way|takes\s+effect|goes\s+into\s+effect|comes\s+into\s+(?:force|effect)"
        + @"|takes\s+office|meets|convenes|reconvenes|resumes|matures|arrives|departs|travels|flies|reopens|opens|closes|ends|starts|launches|debuts|premieres|airs|polls\s+(?:open|close)|(?<!\b(?:to|will|would|could|can|may|might|should|must|did|do|does|not|and|or|the|a|an|their|its|his|her|our|first|on|in|took|take|takes|taking|keep|kept|put|get|got)\s+)(?:begin|resume|convene|reconvene|meet|play|host|face|visit|hold|(?-i:open|close)(?!\s+(?:to|at\s+\d|higher|lower|up|down|flat|mixed)\b))|holds|hosts|faces|plays|visits|takes\s+place|goes\s+on\s+trial|go\s+to\s+the\s+polls|goes\s+to\s+the\s+polls|heads\s+to\s+the\s+polls"
        + @"|(?:is|are)\s+(?:holding|hosting|meeting|playing|facing|travell?ing|heading|visiting|reporting)|projected|proposed)\b|\w'll\b)"
        + @"|(?<p>\b(?:has|have|had)\s+(?:not\s+|never\s+|already\s+|also\s+)?(?:been\b|\w+ed\b|\w+en\b)"
        + @"|\b(?:said|told|announced|claimed|was|were|had|did|didn't|ago|quit\s+on)\b"
        + @"|" + NotAfterAuxiliary + @"\b(?:made|took|gave|came|went|got|saw|met|held|spoke|began|fell|rose|won|lost|left|led|beat|hit|put|shut|let"
        + @"|paid|sold|bought|brought|thought|sent|spent|built|struck|broke|chose|drove|ran|shot|stood|wrote|became|grew|knew|threw|flew|drew|fought|caught"
        + @"|taught|sought|sank|swore|wore|froze|stole|hid|rode|woke|bit|fled|fed|felt|kept|slept|meant|found|heard|dealt|laid|lay|sat|shook|slid|stuck"
        + @"|swept|swung|tore|understood|withdrew|overtook|undertook|upheld|forgave|forbade|foresaw|overcame|overrode|arose|awoke|dove|sprang|stung|spun|wept)\b"
        + @"|" + NotAfterAuxiliary
        + @"\b(?!(?:need|feed|seed|speed|proceed|succeed|exceed|breed|greed|weed|deed|heed|bleed|creed|steed|reed|indeed|shed|bed|red|hundred|united"
        + @"|limited|based|related|detailed|armed|advanced|concerned|interested|alleged|supposed|sacred|wicked|naked|rugged|crooked|beloved|aged|skilled"
        + @"|talented|unexpected|expected|scheduled|planned|proposed|slated|anticipated|projected|forecasted|estimated|extended|revised|adjusted|combined"
        + @"|delayed|postponed|rescheduled|deferred|listed|unlisted|owned|backed|led|sized|called|so-called|named|designed|dated|unidentified|unnamed"
        + @"|embattled|troubled|disputed|contested|occupied|annexed|sanctioned|indebted|renewed|increased|reduced|continued|added|required|needed)\b)"
        + @"[a-z]{2,}ed\b)",
        Options, TimeoutMilliseconds)]
    private static partial Regex MarkerPattern();

    // Clause boundaries: punctuation, quotes, dashes, and words that open a new clause.
    [GeneratedRegex(
        @"[,;:()\[\]""]|\s-+\s|--|\b(?:that|which|who|whom|whose|when|where|while|because|although|though|but|whereas|unless|if|and|or|so|then|after|before|as|once|since|until)\b",
        Options, TimeoutMilliseconds)]
    private static partial Regex BoundaryPattern();

    /// <summary>All tense markers and clause boundaries of a sentence; throws <see cref="RegexMatchTimeoutException"/>.</summary>
    internal static (IReadOnlyList<Marker> Markers, IReadOnlyList<(int Index, int End)> Boundaries) Scan(string text)
    {
        var markers = new List<Marker>();
        foreach (Match m in MarkerPattern().Matches(text))
        {
            var kind = m.Groups["b"].Success ? TenseReading.Both : m.Groups["f"].Success ? TenseReading.Future : TenseReading.Past;
            markers.Add(new Marker(m.Index, m.Length, kind));
        }

        var boundaries = new List<(int, int)>();
        foreach (Match m in BoundaryPattern().Matches(text))
        {
            boundaries.Add((m.Index, m.Index + m.Length));
        }

        return (markers, boundaries);
    }

    /// <summary>
    /// The reading that governs the expression at [<paramref name="start"/>, <paramref name="end"/>).
    /// <paramref name="excluded"/> are the spans of date expressions, whose own words ("next", "ago") are not markers.
    /// </summary>
    internal static TenseReading Read(
        IReadOnlyList<Marker> markers, IReadOnlyList<(int Index, int End)> boundaries, int start, int end, IReadOnlyList<(int Index, int End)> excluded)
    {
        var clauseStart = 0;
        var clauseEnd = int.MaxValue;
        foreach (var (bi, be) in boundaries)
        {
            if (be <= start) clauseStart = Math.Max(clauseStart, be);
            else if (bi >= end) clauseEnd = Math.Min(clauseEnd, bi);
        }

        Marker? before = null, after = null, beforeAnywhere = null, afterAnywhere = null;
        foreach (var m in markers)
        {
            if (Inside(m, excluded)) continue;
            if (m.End <= start)
            {
                beforeAnywhere = m;
                if (m.Index >= clauseStart) before = m;
            }
            else if (m.Index >= end)
            {
                afterAnywhere ??= m;
                if (m.End <= clauseEnd) after ??= m;
            }
        }

        return (before ?? after ?? afterAnywhere ?? beforeAnywhere)?.Kind ?? TenseReading.None;
    }

    private static bool Inside(Marker m, IReadOnlyList<(int Index, int End)> spans)
    {
        foreach (var (i, e) in spans)
        {
            if (m.Index < e && i < m.End) return true;
        }

        return false;
    }
}
